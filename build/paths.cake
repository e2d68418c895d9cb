// Every path the build uses, relative to the repository root (build.sh runs Cake from there).

public static class Paths
{
    public const string Solution = "streetcar-experiments.sln";
    public const string CliProject = "src/Streetcar.Cli/Streetcar.Cli.csproj";
    public const string BenchProject = "tests/Streetcar.Bench/Streetcar.Bench.csproj";
    public const string Experiments = "experiments";
    public const string Results = "results";
    public const string Report = "results/report.md";
    public const string Cache = "data/cache";

    public static string CliDll(string configuration) => $"src/Streetcar.Cli/bin/{configuration}/net10.0/streetcar.dll";
}
