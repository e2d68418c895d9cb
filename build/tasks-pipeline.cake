// The pipeline DAG: FetchData → Prepare → Train (each experiment) → Evaluate (each) → Sweep (each sweep) → Report.
// Every task runs a verb of the CLI (src/Streetcar.Cli), which owns the logic and every policy: the stage
// cache, --force, parallel jobs and where they run (--executor), and recording a failed experiment while the others
// go on (PipelineEngine).

void Cli(BuildParameters p, string verb, params string[] args)
{
    var arguments = new ProcessArgumentBuilder().Append(verb);
    // --cache=DIR reaches every verb: they all read the stage cache, or refuse a folder they cannot use.
    var cache = string.IsNullOrEmpty(p.CacheDir) ? new string[0] : new[] { "--cache", Quote(MakeAbsolute(Directory(p.CacheDir)).FullPath) };
    foreach (var arg in cache.Concat(args).Where(a => !string.IsNullOrEmpty(a)))
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

/// The sweeps named by --sweep=NAME[,NAME], as CLI arguments (none: every experiments/*.sweep.yml).
string[] SweepArgs(BuildParameters p) =>
    p.Sweep.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .SelectMany(name => new[] { "--sweep", name })
        .ToArray();

/// --jobs=N when given (the CLI defaults to the core count).
string[] JobsArgs(BuildParameters p) => string.IsNullOrEmpty(p.Jobs) ? new string[0] : new[] { "--jobs", p.Jobs };

/// --executor=NAME when given (the CLI defaults to local).
string[] ExecutorArgs(BuildParameters p) => string.IsNullOrEmpty(p.Executor) ? new string[0] : new[] { "--executor", p.Executor };

/// --repeats=N when given (the CLI defaults to each experiment's configured count).
string[] RepeatsArgs(BuildParameters p) => string.IsNullOrEmpty(p.Repeats) ? new string[0] : new[] { "--repeats", p.Repeats };

/// --remote=R when given: each verb pulls the entries its experiments need before it plans and pushes what it built.
string[] RemoteArgs(BuildParameters p) => string.IsNullOrEmpty(p.Remote) ? new string[0] : new[] { "--remote", Quote(p.Remote) };

/// --keep-going when the build goes on past <paramref name="task"/> to the report, which marks the failed
/// experiments and fails the build; when the task itself is the target, a failed experiment fails it.
string[] KeepGoingArgs(BuildParameters p, string task) =>
    string.Equals(p.Target, task, StringComparison.OrdinalIgnoreCase) ? new string[0] : new[] { "--keep-going" };

/// A per-experiment verb (train, evaluate): the CLI runs the experiments' jobs in parallel and records failures.
void PerExperiment(BuildParameters p, string verb, string task) =>
    Cli(p, verb, ExperimentArgs(p).Concat(ForceArgs(p)).Concat(JobsArgs(p)).Concat(ExecutorArgs(p)).Concat(RepeatsArgs(p)).Concat(RemoteArgs(p)).Concat(KeepGoingArgs(p, task)).ToArray());

Task("FetchData")
    .Description("Copies the raw workbooks (shipped in data/ttc/, or from --data-source=DIR) into data/raw/ and checks their SHA-256 pins.")
    .IsDependentOn("BuildCli")
    .Does<BuildParameters>(p => Cli(p, "fetch", DataSourceArgs(p).Concat(VintageArgs(p)).Concat(RemoteArgs(p)).ToArray()));

Task("Prepare")
    .Description("Ingests, cleans, reshapes, encodes and splits the data (cached).")
    .IsDependentOn("FetchData")
    .Does<BuildParameters>(p => Cli(p, "prepare", DataSourceArgs(p).Concat(VintageArgs(p)).Concat(ForceArgs(p)).Concat(RemoteArgs(p)).ToArray()));

Task("Train")
    .Description("Trains every experiments/*.yml, or --experiment=NAME[,NAME] (cached; shared trajectories, --jobs=N side by side).")
    .IsDependentOn("Prepare")
    .Does<BuildParameters>(p => PerExperiment(p, "train", "Train"));

Task("Evaluate")
    .Description("Scores the test split with each experiment's chosen model (cached per experiment).")
    .IsDependentOn("Train")
    .Does<BuildParameters>(p => PerExperiment(p, "evaluate", "Evaluate"));

Task("Sweep")
    .Description("Runs the hyperparameter sweeps of experiments/*.sweep.yml, or --sweep=NAME[,NAME] (cached; successive halving over shared trajectories, chosen on validation).")
    .IsDependentOn("Prepare")
    .Does<BuildParameters>(p => Cli(p, "sweep", SweepArgs(p).Concat(JobsArgs(p)).Concat(ExecutorArgs(p)).Concat(KeepGoingArgs(p, "Sweep")).ToArray()));

Task("Report")
    .Description("Renders results/report.md and its plots from the cached metrics (failed experiments are marked).")
    .IsDependentOn("Evaluate")
    .IsDependentOn("Sweep")
    .Does<BuildParameters>(p => Cli(p, "report", RepeatsArgs(p).Concat(RemoteArgs(p)).ToArray()));

Task("AllExperiments")
    .Description("The whole pipeline: fetch, prepare, train and evaluate every experiment (--jobs=N side by side), report.")
    .IsDependentOn("Report");
