using System.CommandLine;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Cli.Scoring;
using Streetcar.Cli.Sweeps;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Planning;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Commands;

/// <summary>The verbs of the pipeline's stages: fetch, prepare, train, evaluate, report, and run (all of them).</summary>
public static class PipelineCommands
{
    /// <summary>The verbs; <paramref name="cancel"/> is the run's signal token (<see cref="RunSignals"/>).</summary>
    public static IEnumerable<Command> Create(CliConsole console, CancellationToken cancel) =>
        [Fetch(console, cancel), Prepare(console, cancel), Train(console, cancel), Evaluate(console, cancel), Report(console, cancel), Run(console, cancel)];

    private static Command Fetch(CliConsole console, CancellationToken cancel)
    {
        var command = new Command("fetch", "Copies the raw workbooks into data/raw/ (the pinned files shipped in data/ttc/, or --data-source DIR; a new vintage from the portal with --accept-new-vintage alone) and checks their SHA-256 pins (data/workbooks.sha256).")
        {
            CommonOptions.DataSource,
            CommonOptions.AcceptNewVintage,
            CommonOptions.Remote,
        };
        command.SetAction(result =>
        {
            var ctx = Open(result, console, cancel);
            var remote = RemoteStep.Open(ctx, result.GetValue(CommonOptions.Remote));
            using var runLock = ctx.Lock();
            var raw = RawDataStep.Fetch(ctx, CommonOptions.ResolveDataSource(result), result.GetValue(CommonOptions.AcceptNewVintage));
            // With a remote, fetch also brings the cached results of every experiment (it builds nothing to push).
            remote?.Pull(PipelineRun.Start(ctx, [], raw));
            var accepted = raw.Fetched?.Files.Count(f => f.IsNewVintage) ?? 0;
            var verdict = accepted == 0 ? "match their pins" : $"are ready; {accepted} of them accepted as a new vintage (not as pinned)";
            console.Info($"fetch: {raw.Paths.Count} workbooks in {Path.GetRelativePath(ctx.Workspace.Root, ctx.Workspace.RawData)} {verdict}");
            return 0;
        });
        return command;
    }

    private static Command Prepare(CliConsole console, CancellationToken cancel)
    {
        var exportCsv = new Option<string?>("--export-csv") { Description = "Also write the prepared grid (codes and raw values) to this CSV file.", HelpName = "FILE" };
        var command = new Command("prepare", "Fetches the raw data, then ingests, cleans, reshapes, encodes and splits it (cached in data/cache/grid and data/cache/split).")
        {
            CommonOptions.DataSource,
            CommonOptions.AcceptNewVintage,
            CommonOptions.Experiment,
            CommonOptions.Force,
            CommonOptions.Remote,
            exportCsv,
        };
        command.SetAction(result =>
        {
            var ctx = Open(result, console, cancel);
            var csv = result.GetValue(exportCsv);
            if (csv is not null)
            {
                // Before the lock and any work: a target that would be refused at the end is refused now.
                OutputFile.Check(csv, "--export-csv", PrepareStep.ExportInputs(ctx.Workspace, [], CommonOptions.ResolveDataSource(result)));
            }
            var remote = RemoteStep.Open(ctx, result.GetValue(CommonOptions.Remote));
            using var runLock = ctx.Lock();
            var raw = RawDataStep.Fetch(ctx, CommonOptions.ResolveDataSource(result), result.GetValue(CommonOptions.AcceptNewVintage));
            var run = PipelineRun.Start(ctx, Names(result), raw);
            remote?.Pull(run);
            // Experiments that share split parameters share one prepared entry.
            foreach (var experiment in run.Runs.DistinctBy(e => e.SplitKey))
            {
                var prepared = run.PreparedFor(experiment, ctx.Force, csv);
                var split = prepared.Summary().Split;
                console.Info($"prepare: {split?.TrainRows:N0} train / {split?.ValidRows:N0} validation / {split?.TestRows:N0} test rows ({prepared.Key})");
                csv = null;
            }
            // An invalid experiment fails prepare as it fails train: one line, the config exit code.
            var invalid = run.InvalidExperiments.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new EngineFailure(i.Key, i.Value, ExitCodes.Config)).ToArray();
            if (invalid.Length == 0)
            {
                remote?.Push(run);
            }
            return Finish(console, "prepare", run, invalid, FailurePolicy.Fail);
        });
        return command;
    }

    private static Command Train(CliConsole console, CancellationToken cancel) => PerExperiment(console, cancel, "train", PipelineEngine.Goal.Train,
        "Trains each experiment (default: every experiments/*.yml) unless its model is cached. Experiments that differ only in when they stop share one training trajectory; independent trajectories run side by side (--jobs).",
        StageTable.Trajectory, StageTable.Train);

    private static Command Evaluate(CliConsole console, CancellationToken cancel) => PerExperiment(console, cancel, "evaluate", PipelineEngine.Goal.Evaluate,
        "Scores the splits with each experiment's chosen model (best checkpoint or final) and caches the metrics; trains first if needed.",
        StageTable.Evaluate);

    /// <summary>A verb that brings each chosen experiment up to <paramref name="goal"/>, one failure not stopping the others.</summary>
    private static Command PerExperiment(CliConsole console, CancellationToken cancel, string verb, PipelineEngine.Goal goal, string description, params IStage[] forcedStages)
    {
        var command = new Command(verb, description)
        {
            CommonOptions.Experiment,
            CommonOptions.Force,
            CommonOptions.Jobs,
            CommonOptions.KeepGoing,
            CommonOptions.NoSharing,
            CommonOptions.Repeats,
            CommonOptions.Remote,
            CommonOptions.Executor,
        };
        SlurmCliOptions.AddTo(command);
        command.SetAction(result =>
        {
            var ctx = Open(result, console, cancel);
            var executor = Executor(result, ctx); // before anything is locked or built: an executor that cannot run says so first
            var remote = RemoteStep.Open(ctx, result.GetValue(CommonOptions.Remote));
            using var runLock = ctx.Lock();
            var run = PipelineRun.Start(ctx, Names(result), repeats: result.GetValue(CommonOptions.Repeats));
            remote?.Pull(run);
            var failed = Engine(ctx, run, result, EngineOptions.ForcedBy(ctx.Force, forcedStages), executor).Run(goal);
            if (failed.Count == 0)
            {
                remote?.Push(run);
            }
            return Finish(console, verb, run, failed, result.GetValue(CommonOptions.KeepGoing) ? FailurePolicy.KeepGoing : FailurePolicy.Fail);
        });
        return command;
    }

    private static Command Report(CliConsole console, CancellationToken cancel)
    {
        var command = new Command("report", "Renders results/report.md, results/metrics.json and results/plots/ from the cached results of every experiment. Refuses, leaving results/ as it is, when an experiment is neither evaluated nor failed in the cache; exits 2 after writing when an experiment failed (the report marks it).")
        {
            CommonOptions.Repeats,
            CommonOptions.Remote,
            CommonOptions.Executor,
        };
        SlurmCliOptions.AddTo(command);
        command.SetAction(result =>
        {
            var ctx = Open(result, console, cancel);
            var executor = Executor(result, ctx);
            var remote = RemoteStep.Open(ctx, result.GetValue(CommonOptions.Remote));
            ctx.Workspace.EnsureResultsWritable();
            using var runLock = ctx.Lock();
            var run = PipelineRun.Start(ctx, [], repeats: result.GetValue(CommonOptions.Repeats));
            remote?.Pull(run); // the report builds no entry, so there is nothing to push
            WriteReport(ctx, run);
            return Finish(console, "report", run, ReportStep.Failed(ctx, run), FailurePolicy.Fail);
        });
        return command;
    }

    private static Command Run(CliConsole console, CancellationToken cancel)
    {
        var command = new Command("run", "The whole pipeline in one process: fetch, prepare, train and evaluate every experiment, report.")
        {
            CommonOptions.DataSource,
            CommonOptions.AcceptNewVintage,
            CommonOptions.Force,
            CommonOptions.Jobs,
            CommonOptions.NoSharing,
            CommonOptions.Repeats,
            CommonOptions.Remote,
            CommonOptions.Executor,
        };
        SlurmCliOptions.AddTo(command);
        command.SetAction(result =>
        {
            var ctx = Open(result, console, cancel);
            var executor = Executor(result, ctx);
            var remote = RemoteStep.Open(ctx, result.GetValue(CommonOptions.Remote));
            ctx.Workspace.EnsureResultsWritable();
            using var runLock = ctx.Lock();
            var raw = RawDataStep.Fetch(ctx, CommonOptions.ResolveDataSource(result), result.GetValue(CommonOptions.AcceptNewVintage));
            var run = PipelineRun.Start(ctx, [], raw, result.GetValue(CommonOptions.Repeats));
            if (run.Experiments.Count == 0)
            {
                // Nothing can run or be reported: the config errors are the whole message.
                throw new PipelineException(string.Join("; ", run.InvalidExperiments.Values), ExitCodes.Config);
            }
            remote?.Pull(run);
            if (ctx.Force)
            {
                // --force rebuilds every stage: prepared data once per split, then the jobs of the engine.
                foreach (var experiment in run.Runs.DistinctBy(e => e.SplitKey))
                {
                    run.PreparedFor(experiment, force: true);
                }
            }
            var forced = EngineOptions.ForcedBy(ctx.Force, StageTable.Trajectory, StageTable.Train, StageTable.Evaluate);
            var failed = Engine(ctx with { Force = false }, run, result, forced, executor).Run(PipelineEngine.Goal.Evaluate);
            failed = [.. failed, .. RunSweeps(ctx with { Force = false }, result, executor)];
            WriteReport(ctx with { Force = false }, run);
            if (failed.Count == 0)
            {
                remote?.Push(run);
            }
            return Finish(console, "run", run, failed, FailurePolicy.Fail);
        });
        return command;
    }

    internal static PipelineEngine Engine(PipelineContext ctx, PipelineRun run, ParseResult result, IReadOnlySet<string> forced, IJobExecutor executor) =>
        new(ctx, run, new EngineOptions(result.GetValue(CommonOptions.Jobs), forced, Sharing: !result.GetValue(CommonOptions.NoSharing), executor.Name), executor);

    internal static IJobExecutor Executor(ParseResult result, PipelineContext ctx) =>
        Executors.Create(result.GetValue(CommonOptions.Executor) ?? Executors.Default,
            new ExecutorSettings(result.GetValue(CommonOptions.Jobs), ctx.Workspace.Root, SlurmCliOptions.Read(result)));

    /// <summary>
    /// The verb's exit: 0, or one error line: the failure itself when one experiment failed, else the failed
    /// experiments' names, each with its failure (every job's outcome is also in the progress lines above, and
    /// `report` marks them). Under <see cref="FailurePolicy.Fail"/> config errors alone exit 3, anything else 2;
    /// under <see cref="FailurePolicy.KeepGoing"/> the line is printed and the exit is 0, for a build that runs the
    /// report next.
    /// </summary>
    internal static int Finish(CliConsole console, string verb, PipelineRun run, IReadOnlyList<EngineFailure> failed, FailurePolicy policy)
    {
        if (failed.Count == 0)
        {
            return 0;
        }
        var asked = run.Experiments.Count + run.InvalidExperiments.Count;
        var others = asked > failed.Count ? "; the other experiments completed and are cached" : "";
        var message = failed.Count == 1
            ? $"{verb} {failed[0].Experiment} failed: {failed[0].Message}{others}"
            : $"{verb} failed for {string.Join(", ", failed.Select(f => f.Experiment))} ({string.Join("; ", failed.Select(f => $"{f.Experiment}: {f.Message}"))}){others}";
        var exitCode = policy.ExitCode(failed.Select(f => f.ExitCode).ToArray());
        if (exitCode == 0)
        {
            console.Error($"{message} (--keep-going: the report will mark them)");
            return 0;
        }
        throw new PipelineException(message, exitCode);
    }

    internal static void WriteReport(PipelineContext ctx, PipelineRun files)
    {
        var first = files.Experiments.FirstOrDefault() ?? throw new PipelineException("no valid experiment to report on");
        // The sweeps are replayed from the cache (an unfinished one refuses the report); their chosen points are
        // reported beside the experiment files.
        var sweeps = SweepFiles.Load(ctx.Workspace, []).Select(s => SweepStep.Replay(ctx, s)).ToArray();
        var run = files.With(sweeps.Select(s => (s.Chosen, s.Sweep.Definition.File)).ToArray());
        ReportStep.EnsureComplete(ctx, run);
        var prepared = run.PreparedFor(first.Runs[0]);
        // Everything is gathered first: the swap of results/ is the last step, and nothing writes into it after.
        var input = ReportStep.Gather(ctx, run, prepared, ScoreStep.SanityTrips(ctx, run)) with
        {
            Sweeps = sweeps.Select(s => SweepStep.Summary(ctx, s)).ToArray(),
        };
        ReportStep.Write(ctx, input, RunInfo.Gather(ctx, run));
    }

    /// <summary>Runs every sweep of experiments/ (the `run` verb's step between evaluate and report); returns their failures.</summary>
    private static IReadOnlyList<EngineFailure> RunSweeps(PipelineContext ctx, ParseResult result, IJobExecutor executor)
    {
        var failures = new List<EngineFailure>();
        foreach (var sweep in SweepFiles.Load(ctx.Workspace, []))
        {
            failures.AddRange(SweepStep.Run(ctx, sweep, (run, goal) => Engine(ctx, run, result, EngineOptions.ForcedBy(false), executor).Run(goal)).Failures);
        }
        return failures;
    }

    internal static PipelineContext Open(ParseResult result, CliConsole console, CancellationToken cancel) =>
        PipelineContext.Open(CommonOptions.LocateWorkspace(result), console, result.GetValue(CommonOptions.Force), cancel);

    private static string[] Names(ParseResult result) => result.GetValue(CommonOptions.Experiment) ?? [];
}
