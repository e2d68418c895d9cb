namespace Streetcar.Testing;

/// <summary>The repository root (the folder holding streetcar-experiments.sln) and the real data folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>STREETCAR_DATA_SOURCE</c>, else the pinned workbooks shipped in the project (<c>data/ttc</c>).</summary>
    public static string DataSource =>
        Environment.GetEnvironmentVariable("STREETCAR_DATA_SOURCE") is { Length: > 0 } fromEnv
            ? Path.GetFullPath(fromEnv)
            : Path.Combine(Root, "data", "ttc");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "streetcar-experiments.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("streetcar-experiments.sln not found above " + AppContext.BaseDirectory);
    }
}
