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
    .Description("Runs every test project, the TorchSharp smoke test, the real-data tests and the lockstep test against PyTorch included.")
    .IsDependentOn("Build")
    .Does<BuildParameters>(p =>
{
    // PyTorchLockstepTests trains beside Debian's python3-torch; without it the test fails and says so.
    EnsurePythonModules("Test", "the lockstep test of the training loss against PyTorch", ("torch", "python3-torch"));
    DotNetTest(Paths.Solution, new DotNetTestSettings
    {
        Configuration = p.Configuration,
        NoBuild = true,
        NoRestore = true,
        Loggers = { "console;verbosity=normal", "trx" },
        ResultsDirectory = "tests/TestResults",
    });
});

/// As root with apt-get (as build.sh does for g++ and patchelf), installs the Debian packages of the modules the
/// system python3 cannot import; otherwise warns, naming them and what needs them.
void EnsurePythonModules(string task, string why, params (string Module, string Package)[] modules)
{
    var missing = modules.Where(m => !Succeeds("/usr/bin/python3", $"-c \"import {m.Module}\"")).Select(m => m.Package).ToArray();
    if (missing.Length == 0)
    {
        return;
    }
    var packages = string.Join(" ", missing);
    if (IsRunningOnLinux() && Environment.UserName == "root" && Succeeds("apt-get", "--version"))
    {
        Information($"{task}: installing {packages} with apt-get ({why})");
        var noninteractive = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        if (StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", RedirectStandardOutput = true }) == 0
            && StartProcess("apt-get", new ProcessSettings { Arguments = $"install -y -qq {packages}", EnvironmentVariables = noninteractive, RedirectStandardOutput = true }) == 0)
        {
            return;
        }
    }
    Warning($"{task}: /usr/bin/python3 lacks {packages} ({why}): apt-get install -y {packages}");
}

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
