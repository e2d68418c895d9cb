// Reproducibility targets: rerun everything from scratch and compare with what is committed.

Task("ClearCache")
    .Description("Removes every stage cache entry (data/cache/).")
    .IsDependentOn("BuildCli")
    .Does<BuildParameters>(p => DotNetExecute(Paths.CliDll(p.Configuration), new ProcessArgumentBuilder().Append("cache").Append("clear")));

Task("Reproduce")
    .Description("Clears the cache, runs every experiment and fails with a diff when results/report.md differs from the committed one.")
    .IsDependentOn("ClearCache")
    .IsDependentOn("AllExperiments")
    .Does(() =>
{
    var exitCode = StartProcess("git", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("diff").Append("--exit-code").Append("HEAD").Append("--stat").Append("--patch").Append("--").Append("results/report.md").Append("results/metrics.json"),
    });
    if (exitCode != 0)
    {
        throw new Exception("the reproduced results differ from the committed ones (diff above)");
    }
    Information("Reproduced: results/report.md and results/metrics.json are byte-identical to the committed ones.");
});

Task("Compare")
    .Description("Prints metric deltas between --base=REV's committed results and the working tree, or --head=REV's (default base: HEAD).")
    .IsDependentOn("BuildCli")
    .Does<BuildParameters>(p =>
{
    var arguments = new ProcessArgumentBuilder().Append("compare").Append("--base").AppendQuoted(p.BaseRevision);
    if (!string.IsNullOrEmpty(p.HeadRevision))
    {
        arguments.Append("--head").AppendQuoted(p.HeadRevision);
    }
    DotNetExecute(Paths.CliDll(p.Configuration), arguments);
});

Task("Bench")
    .Description("Benchmarks cold Prepare (vs reading the workbooks) and a training epoch (fused vs the same model in PyTorch and vs per-column; exp7's hidden-layer model on the managed step vs PyTorch; GFLOP/s beside each), as ratios to baselines in the same run.")
    .Does<BuildParameters>(p =>
{
    // The PyTorch baseline runs on Debian's python3-torch. As root with apt-get, install it when missing (as
    // build.sh does for g++ and patchelf); otherwise Bench prints how and still measures the rest.
    if (IsRunningOnLinux() && Environment.UserName == "root" && !Succeeds("/usr/bin/python3", "-c \"import torch\"") && Succeeds("apt-get", "--version"))
    {
        Information("Bench: installing python3-torch with apt-get (the baseline of the epoch benchmark)");
        var noninteractive = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        if (StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", RedirectStandardOutput = true }) != 0
            || StartProcess("apt-get", new ProcessSettings { Arguments = "install -y -qq python3-torch", EnvironmentVariables = noninteractive, RedirectStandardOutput = true }) != 0)
        {
            Warning("Bench: apt-get could not install python3-torch; the PyTorch row will say so");
        }
    }
    var arguments = new ProcessArgumentBuilder();
    // Only an explicit --data-source: by default Bench reads the pipeline's own data/raw when present.
    if (HasArgument("data-source"))
    {
        arguments.Append("--data-source").AppendQuoted(MakeAbsolute(Directory(p.DataSource)).FullPath);
    }
    if (!string.IsNullOrEmpty(p.CliArgs))
    {
        arguments.Append(p.CliArgs);
    }
    DotNetRun(Paths.BenchProject, arguments, new DotNetRunSettings { Configuration = "Release" });
});

// Whether a tool runs and exits 0 (false when it is not installed at all).
bool Succeeds(string tool, string arguments)
{
    try
    {
        return StartProcess(tool, new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true, RedirectStandardError = true }) == 0;
    }
    catch (Exception)
    {
        return false;
    }
}
