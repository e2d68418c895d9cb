using System.CommandLine;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Cli.Scoring;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Commands;

/// <summary>The verbs of the pipeline's stages: fetch, prepare, train, evaluate, report, and run (all of them).</summary>
public static class PipelineCommands
{
    public static IEnumerable<Command> Create(CliConsole console) =>
        [Fetch(console), Prepare(console), Train(console), Evaluate(console), Report(console), Run(console)];

    private static Command Fetch(CliConsole console)
    {
        var command = new Command("fetch", "Copies (--data-source) or downloads the raw workbooks into data/raw/ and checks their SHA-256 pins (data/workbooks.sha256).")
        {
            CommonOptions.DataSource,
            CommonOptions.AcceptNewVintage,
        };
        command.SetAction(result =>
        {
            var ctx = Open(result, console);
            using var runLock = ctx.Lock();
            var raw = RawDataStep.Fetch(ctx, CommonOptions.ResolveDataSource(result), result.GetValue(CommonOptions.AcceptNewVintage));
            console.Info($"fetch: {raw.Paths.Count} workbooks in {Path.GetRelativePath(ctx.Workspace.Root, ctx.Workspace.RawData)} match their pins");
            return 0;
        });
        return command;
    }

    private static Command Prepare(CliConsole console)
    {
        var exportCsv = new Option<string?>("--export-csv") { Description = "Also write the prepared grid (codes and raw values) to this CSV file.", HelpName = "FILE" };
        var command = new Command("prepare", "Fetches the raw data, then ingests, cleans, reshapes, encodes and splits it (cached in data/cache/grid and data/cache/split).")
        {
            CommonOptions.DataSource,
            CommonOptions.AcceptNewVintage,
            CommonOptions.Experiment,
            CommonOptions.Force,
            exportCsv,
        };
        command.SetAction(result =>
        {
            var ctx = Open(result, console);
            using var runLock = ctx.Lock();
            var raw = RawDataStep.Fetch(ctx, CommonOptions.ResolveDataSource(result), result.GetValue(CommonOptions.AcceptNewVintage));
            var run = PipelineRun.Start(ctx, Names(result), raw);
            var csv = result.GetValue(exportCsv);
            // Experiments that share split parameters share one prepared entry.
            foreach (var experiment in run.Experiments.DistinctBy(e => e.SplitKey))
            {
                var prepared = run.PreparedFor(experiment, ctx.Force, csv);
                var split = prepared.Summary().Split;
                console.Info($"prepare: {split?.TrainRows:N0} train / {split?.ValidRows:N0} validation / {split?.TestRows:N0} test rows ({prepared.Key})");
                csv = null;
            }
            return 0;
        });
        return command;
    }

    private static Command Train(CliConsole console) => PerExperiment(console, "train",
        "Trains each experiment (default: every experiments/*.yml) unless its model is cached.",
        (ctx, e, prepared) => TrainStep.Ensure(ctx, e, prepared));

    private static Command Evaluate(CliConsole console) => PerExperiment(console, "evaluate",
        "Scores the splits with each experiment's chosen model (best checkpoint or final) and caches the metrics; trains first if needed.",
        (ctx, e, prepared) => EvaluateStep.Ensure(ctx, e, prepared));

    /// <summary>A verb that runs <paramref name="step"/> for each chosen experiment, one failure not stopping the others.</summary>
    private static Command PerExperiment(CliConsole console, string verb, string description, Action<PipelineContext, Experiment, Func<PreparedData>> step)
    {
        var command = new Command(verb, description)
        {
            CommonOptions.Experiment,
            CommonOptions.Force,
        };
        command.SetAction(result =>
        {
            var ctx = Open(result, console);
            using var runLock = ctx.Lock();
            PipelineRun.Start(ctx, Names(result)).ForEachExperiment(verb, (e, prepared) => step(ctx, e, prepared));
            return 0;
        });
        return command;
    }

    private static Command Report(CliConsole console)
    {
        var command = new Command("report", "Renders results/report.md, results/metrics.json and results/plots/ from the cached results of every experiment.");
        command.SetAction(result =>
        {
            var ctx = Open(result, console);
            ctx.Workspace.EnsureResultsWritable();
            using var runLock = ctx.Lock();
            WriteReport(ctx, PipelineRun.Start(ctx, []));
            return 0;
        });
        return command;
    }

    private static Command Run(CliConsole console)
    {
        var command = new Command("run", "The whole pipeline in one process: fetch, prepare, train and evaluate every experiment, report.")
        {
            CommonOptions.DataSource,
            CommonOptions.AcceptNewVintage,
            CommonOptions.Force,
        };
        command.SetAction(result =>
        {
            var ctx = Open(result, console);
            ctx.Workspace.EnsureResultsWritable();
            using var runLock = ctx.Lock();
            var raw = RawDataStep.Fetch(ctx, CommonOptions.ResolveDataSource(result), result.GetValue(CommonOptions.AcceptNewVintage));
            var run = PipelineRun.Start(ctx, [], raw);
            if (run.Experiments.Count == 0)
            {
                // Nothing can run or be reported: the config errors are the whole message.
                throw new PipelineException(string.Join("; ", run.InvalidExperiments.Values), ExitCodes.Config);
            }
            PipelineException? failure = null;
            void Contained(Action stage)
            {
                try
                {
                    stage();
                }
                catch (PipelineException e) when (e is not DataException)
                {
                    failure ??= e; // the report still shows the others, and marks the failed ones
                }
            }
            if (ctx.Force)
            {
                // --force rebuilds every stage: prepared data once per split, then each model, then its metrics.
                foreach (var experiment in run.Experiments.DistinctBy(e => e.SplitKey))
                {
                    run.PreparedFor(experiment, force: true);
                }
                Contained(() => run.ForEachExperiment("train", (e, prepared) => TrainStep.Ensure(ctx, e, prepared)));
            }
            Contained(() => run.ForEachExperiment("evaluate", (e, prepared) => EvaluateStep.Ensure(ctx, e, prepared)));
            WriteReport(ctx with { Force = false }, run);
            return failure is null ? 0 : throw failure;
        });
        return command;
    }

    private static void WriteReport(PipelineContext ctx, PipelineRun run)
    {
        var first = run.Experiments.FirstOrDefault() ?? throw new PipelineException("no valid experiment to report on");
        var prepared = run.PreparedFor(first);
        ReportStep.Write(ctx, ReportStep.Gather(ctx, run, prepared, ScoreStep.SanityTrips(ctx, run)));
        RunInfo.Gather(ctx, run).Write(ctx.Workspace);
    }

    private static PipelineContext Open(ParseResult result, CliConsole console) =>
        PipelineContext.Open(Workspace.Locate(result.GetValue(CommonOptions.Root)), console, result.GetValue(CommonOptions.Force));

    private static string[] Names(ParseResult result) => result.GetValue(CommonOptions.Experiment) ?? [];
}
