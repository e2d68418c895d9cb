using Streetcar.Cli;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;

namespace Streetcar.Score.Tests.Cli;

/// <summary>
/// A throw-away checkout: this repository's experiments and data config, and stand-in workbooks in data/raw/
/// (the Train keys only hash them), with an empty stage cache.
/// </summary>
internal sealed class TestWorkspace : IDisposable
{
    private readonly TempFolder _temp = new();

    public TestWorkspace()
    {
        var repo = RepositoryRoot();
        File.WriteAllText(Path.Combine(Root, "streetcar-experiments.sln"), "");
        CopyFolder(Path.Combine(repo, "experiments"), Path.Combine(Root, "experiments"));
        Directory.CreateDirectory(Path.Combine(Root, "data", "raw"));
        foreach (var file in new[] { "prepare.yml", "workbooks.sha256" })
        {
            File.Copy(Path.Combine(repo, "data", file), Path.Combine(Root, "data", file));
        }
        foreach (var line in File.ReadAllLines(Path.Combine(Root, "data", "workbooks.sha256")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            File.WriteAllText(Path.Combine(Root, "data", "raw", line.Split("  ")[1]), "stand-in");
        }
    }

    public string Root => _temp.Path;

    /// <summary>Puts <paramref name="modelFolder"/> into the cache as <paramref name="experiment"/>'s trained model.</summary>
    public CacheKey CacheModel(string experiment, string modelFolder)
    {
        var ctx = PipelineContext.Open(new Workspace(Root), new CliConsole(TextWriter.Null, TextWriter.Null), force: false);
        var key = PipelineRun.Start(ctx, [experiment]).Experiments.Single().TrainKey;
        ctx.Cache.GetOrCreate(key, new CacheEntryInfo(experiment), folder => CopyFolder(modelFolder, folder));
        return key;
    }

    public void Dispose() => _temp.Dispose();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "streetcar-experiments.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found above the test assembly");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
