namespace Streetcar.Sweep.Tests;

/// <summary>A temporary experiments/ folder holding the project's real base and exp7/gbm files, and the sweep under test.</summary>
internal sealed class SweepFolder : IDisposable
{
    public SweepFolder()
    {
        Path = Directory.CreateTempSubdirectory("sweep-tests-").FullName;
        var experiments = System.IO.Path.Combine(RepoRoot(), "experiments");
        foreach (var file in new[] { "_base.yml", "exp7.yml", "gbm.yml" })
        {
            File.Copy(System.IO.Path.Combine(experiments, file), System.IO.Path.Combine(Path, file));
        }
    }

    public string Path { get; }

    /// <summary>Writes <c>NAME.sweep.yml</c> and returns its path.</summary>
    public string Write(string name, string yaml)
    {
        var path = System.IO.Path.Combine(Path, name + ".sweep.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(dir, "streetcar-experiments.sln")))
        {
            dir = System.IO.Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
        return dir;
    }
}
