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
    .Description("Benchmarks cold Prepare (vs reading the workbooks) and a training epoch (fused vs per-column), as ratios to a baseline in the same run.")
    .Does<BuildParameters>(p =>
{
    var arguments = new ProcessArgumentBuilder();
    if (!string.IsNullOrEmpty(p.DataSource))
    {
        arguments.Append("--data-source").AppendQuoted(MakeAbsolute(Directory(p.DataSource)).FullPath);
    }
    if (!string.IsNullOrEmpty(p.CliArgs))
    {
        arguments.Append(p.CliArgs);
    }
    DotNetRun(Paths.BenchProject, arguments, new DotNetRunSettings { Configuration = "Release" });
});
