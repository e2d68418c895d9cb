// The pipeline DAG: FetchData → Prepare → Train (each experiment) → Evaluate (each) → Report.
// Every task runs a verb of the CLI (src/Streetcar.Cli), which owns the logic and the stage cache.

void Cli(BuildParameters p, string verb, params string[] args)
{
    var arguments = new ProcessArgumentBuilder().Append(verb);
    foreach (var arg in args.Where(a => !string.IsNullOrEmpty(a)))
    {
        arguments.Append(arg);
    }
    if (p.Force)
    {
        arguments.Append("--force");
    }
    if (!string.IsNullOrEmpty(p.CliArgs))
    {
        arguments.Append(p.CliArgs);
    }
    DotNetExecute(Paths.CliDll(p.Configuration), arguments);
}

string[] DataSourceArgs(BuildParameters p) =>
    string.IsNullOrEmpty(p.DataSource) ? new string[0] : new[] { "--data-source", Quote(MakeAbsolute(Directory(p.DataSource)).FullPath) };

string Quote(string text) => "\"" + text + "\"";

/// The experiments to run: experiments/*.yml (files starting with '_' are shared bases), or --experiment.
IEnumerable<string> Experiments(BuildParameters p)
{
    var all = GetFiles($"{Paths.Experiments}/*.yml")
        .Select(f => f.GetFilenameWithoutExtension().ToString())
        .Where(name => !name.StartsWith("_"))
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToList();
    if (string.IsNullOrEmpty(p.Experiment))
    {
        return all;
    }
    var wanted = p.Experiment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var unknown = wanted.Except(all).ToList();
    if (unknown.Count > 0)
    {
        throw new Exception($"unknown experiment(s) {string.Join(", ", unknown)}; known: {string.Join(", ", all)}");
    }
    return wanted;
}

/// Runs one CLI call per experiment; a failed experiment is remembered and the others still run.
void ForEachExperiment(BuildParameters p, string verb)
{
    foreach (var experiment in Experiments(p))
    {
        if (p.FailedExperiments.Contains(experiment))
        {
            Warning($"{verb} {experiment}: skipped, an earlier stage failed");
            continue;
        }
        try
        {
            Cli(p, verb, "--experiment", experiment);
        }
        catch (Exception e)
        {
            Error($"{verb} {experiment} failed: {e.Message}");
            p.FailedExperiments.Add(experiment);
        }
    }
}

Task("FetchData")
    .Description("Copies (--data-source=DIR) or downloads the raw workbooks into data/raw/ and checks their SHA-256 pins.")
    .IsDependentOn("BuildCli")
    .Does<BuildParameters>(p => Cli(p, "fetch", DataSourceArgs(p)));

Task("Prepare")
    .Description("Ingests, cleans, reshapes, encodes and splits the data (cached).")
    .IsDependentOn("FetchData")
    .Does<BuildParameters>(p => Cli(p, "prepare"));

Task("Train")
    .Description("Trains every experiments/*.yml, or --experiment=NAME[,NAME] (cached per experiment).")
    .IsDependentOn("Prepare")
    .Does<BuildParameters>(p => ForEachExperiment(p, "train"));

Task("Evaluate")
    .Description("Scores the test split with each experiment's chosen model (cached per experiment).")
    .IsDependentOn("Train")
    .Does<BuildParameters>(p => ForEachExperiment(p, "evaluate"));

Task("Report")
    .Description("Renders results/report.md and its plots from the cached metrics (failed experiments are marked).")
    .IsDependentOn("Evaluate")
    .Does<BuildParameters>(p => Cli(p, "report"));

Task("AllExperiments")
    .Description("The whole pipeline: fetch, prepare, train and evaluate every experiment, report.")
    .IsDependentOn("Report")
    .Does<BuildParameters>(p =>
{
    if (p.FailedExperiments.Count > 0)
    {
        throw new Exception($"failed experiment(s): {string.Join(", ", p.FailedExperiments)} (see results/report.md)");
    }
});
