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
    .Description("Benchmarks cold Prepare (vs reading the workbooks), a training epoch (fused vs the same model in PyTorch and vs per-column; exp7's hidden-layer model on the managed step vs PyTorch; GFLOP/s beside each) and the boosting fit and scoring (vs XGBoost hist and vs ML.NET's prediction), as ratios to baselines in the same run.")
    .Does<BuildParameters>(p =>
{
    // The PyTorch and XGBoost baselines run on Debian's python3-torch and python3-xgboost (with pandas); otherwise
    // Bench prints how to install them and still measures the rest.
    EnsurePythonModules("Bench", "the baselines of the epoch and boosting benchmarks; the rows that need them will say so",
        ("torch", "python3-torch"), ("xgboost", "python3-xgboost"), ("pandas", "python3-pandas"));
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
