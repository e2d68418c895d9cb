// The pipeline DAG: FetchData → Prepare → Train (each experiment) → Evaluate (each) → Report.
// Every task runs a verb of the CLI (src/Streetcar.Cli), which owns the logic and the stage cache.

void Cli(BuildParameters p, string verb, params string[] args)
{
    var arguments = new ProcessArgumentBuilder().Append(verb);
    foreach (var arg in args.Where(a => !string.IsNullOrEmpty(a)))
    {
        arguments.Append(arg);
    }
    DotNetExecute(Paths.CliDll(p.Configuration), arguments);
}

/// --force for the verbs that build cache entries.
string[] ForceArgs(BuildParameters p) => p.Force ? new[] { "--force" } : new string[0];

/// --accept-new-vintage for the verbs that check the workbook pins.
string[] VintageArgs(BuildParameters p) => p.AcceptNewVintage ? new[] { "--accept-new-vintage" } : new string[0];

string[] DataSourceArgs(BuildParameters p) =>
    string.IsNullOrEmpty(p.DataSource) ? new string[0] : new[] { "--data-source", Quote(MakeAbsolute(Directory(p.DataSource)).FullPath) };

string Quote(string text) => "\"" + text + "\"";

/// The experiments named by --experiment=NAME[,NAME], as CLI arguments (none: every experiments/*.yml).
string[] ExperimentArgs(BuildParameters p) =>
    p.Experiment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .SelectMany(name => new[] { "--experiment", name })
        .ToArray();

/// Runs a per-experiment verb once for all the experiments. The CLI trains or evaluates each in turn, keeps one
/// experiment's failure from stopping the others and records it for the report; the build goes on to the
/// report and fails at the end (AllExperiments).
void ForEachExperiment(BuildParameters p, string verb)
{
    try
    {
        Cli(p, verb, ExperimentArgs(p).Concat(ForceArgs(p)).ToArray());
    }
    catch (Exception e)
    {
        Error($"{verb}: {e.Message} (the experiments that did not fail are cached; see results/report.md)");
        p.FailedStages.Add(verb);
        if (string.Equals(p.Target, verb, StringComparison.OrdinalIgnoreCase))
        {
            throw; // the requested target itself failed; longer targets go on to the report and fail there
        }
    }
}

/// Fails the build when Train or Evaluate failed for some experiment (after the report has marked them).
void FailIfAnyStageFailed(BuildParameters p)
{
    if (p.FailedStages.Count > 0)
    {
        throw new Exception($"{string.Join(" and ", p.FailedStages)} failed for some experiments (marked in results/report.md)");
    }
}

Task("FetchData")
    .Description("Copies (--data-source=DIR) or downloads the raw workbooks into data/raw/ and checks their SHA-256 pins.")
    .IsDependentOn("BuildCli")
    .Does<BuildParameters>(p => Cli(p, "fetch", DataSourceArgs(p).Concat(VintageArgs(p)).ToArray()));

Task("Prepare")
    .Description("Ingests, cleans, reshapes, encodes and splits the data (cached).")
    .IsDependentOn("FetchData")
    .Does<BuildParameters>(p => Cli(p, "prepare", DataSourceArgs(p).Concat(VintageArgs(p)).Concat(ForceArgs(p)).ToArray()));

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
    .Does<BuildParameters>(p =>
{
    Cli(p, "report");
    FailIfAnyStageFailed(p);
});

Task("AllExperiments")
    .Description("The whole pipeline: fetch, prepare, train and evaluate every experiment, report.")
    .IsDependentOn("Report")
    .Does<BuildParameters>(p => FailIfAnyStageFailed(p));
