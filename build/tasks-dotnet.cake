// Tasks that build, test and lint the code.

Task("Clean")
    .Description("Deletes bin/ and obj/ of every project (and data/cache/ with a bare --cache; --cache=DIR names a cache to use, never one to delete).")
    .Does<BuildParameters>(p =>
{
    CleanDirectories("./src/**/bin");
    CleanDirectories("./src/**/obj");
    CleanDirectories("./tests/**/bin");
    CleanDirectories("./tests/**/obj");
    if (HasArgument("cache") && string.IsNullOrEmpty(p.CacheDir) && DirectoryExists(Paths.Cache))
    {
        DeleteDirectory(Paths.Cache, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
});

Task("Restore")
    .Description("Restores the NuGet packages of the solution.")
    .Does(() => DotNetRestore(Paths.Solution));

Task("Build")
    .Description("Builds the solution; warnings are errors (Directory.Build.props).")
    .IsDependentOn("Restore")
    .Does<BuildParameters>(p => DotNetBuild(Paths.Solution, new DotNetBuildSettings
    {
        Configuration = p.Configuration,
        NoRestore = true,
        MSBuildSettings = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error },
    }));

// No WithCriteria here, nor on any task a user can name: Cake fails a target that a criteria skips ("Could not reach
// target ... since it was skipped due to a criteria"), so a task with nothing to do says so and succeeds instead.
Task("BuildCli")
    .Description("Builds only the command-line tool the pipeline targets run (nothing to do when it is newer than every source file).")
    .Does<BuildParameters>(p =>
{
    if (CliIsUpToDate(p))
    {
        Information("BuildCli: the CLI is newer than every source file; nothing to build.");
        return;
    }
    DotNetBuild(Paths.CliProject, new DotNetBuildSettings
    {
        Configuration = p.Configuration,
        Verbosity = DotNetVerbosity.Quiet,
        NoLogo = true,
    });
});

Task("Test")
    .Description("Runs every test project, the TorchSharp smoke test and the real-data tests included.")
    .IsDependentOn("Build")
    .Does<BuildParameters>(p => DotNetTest(Paths.Solution, new DotNetTestSettings
    {
        Configuration = p.Configuration,
        NoBuild = true,
        NoRestore = true,
        Loggers = { "console;verbosity=normal", "trx" },
        ResultsDirectory = "tests/TestResults",
    }));

Task("Lint")
    .Description("Fails when `dotnet format` would change any file.")
    .IsDependentOn("Restore")
    .Does(() => DotNetFormat(Paths.Solution, new DotNetFormatSettings { VerifyNoChanges = true, NoRestore = true }));

/// True when the built CLI is newer than every file it is built from: an incremental `dotnet build` would do
/// nothing, but still takes seconds to find that out, most of a no-op pipeline run.
bool CliIsUpToDate(BuildParameters p)
{
    var dll = File(Paths.CliDll(p.Configuration)).Path;
    if (!FileExists(dll))
    {
        return false;
    }
    var built = System.IO.File.GetLastWriteTimeUtc(dll.FullPath);
    var sources = GetFiles("./src/**/*.cs").Concat(GetFiles("./src/**/*.csproj"))
        .Concat(GetFiles("./Directory.*.props")).Concat(GetFiles("./Directory.*.targets")).Concat(GetFiles("./build/native/*"));
    return sources.All(f => System.IO.File.GetLastWriteTimeUtc(f.FullPath) < built);
}
