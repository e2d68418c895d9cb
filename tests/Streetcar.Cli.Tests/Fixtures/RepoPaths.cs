namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>The repository root (the folder holding streetcar-experiments.sln), the real data and the built CLI.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>STREETCAR_DATA_SOURCE</c>, else <c>../shared/data/ttc</c> relative to the repository root.</summary>
    public static string DataSource =>
        Environment.GetEnvironmentVariable("STREETCAR_DATA_SOURCE") is { Length: > 0 } fromEnv
            ? Path.GetFullPath(fromEnv)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "ttc"));

    /// <summary>The CLI assembly, copied next to the tests by the project reference.</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "streetcar.dll");

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
