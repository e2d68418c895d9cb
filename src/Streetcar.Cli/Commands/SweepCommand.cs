using System.CommandLine;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Cli.Sweeps;
using Streetcar.Pipeline.Planning;
using Streetcar.Sweep;

namespace Streetcar.Cli.Commands;

/// <summary>
/// `streetcar sweep`: runs the hyperparameter sweeps of experiments/*.sweep.yml through the engine, on any executor:
/// each round's points trained and scored on validation, the best kept by successive halving, the chosen point
/// evaluated on test. Everything is cached, so a rerun trains nothing and a longer sweep resumes the shorter one.
/// </summary>
public static class SweepCommand
{
    public static readonly Option<string[]> Sweep = new("--sweep", "-s")
    {
        Description = "Only these sweeps (experiments/NAME.sweep.yml; comma-separated or repeated). Default: every sweep.",
        HelpName = "NAME",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    public static readonly Option<int> MaxPoints = CreateMaxPoints();

    private static Option<int> CreateMaxPoints()
    {
        var option = new Option<int>("--max-points")
        {
            Description = $"Refuse a sweep of more points than this (default {SweepPoints.DefaultMaxPoints}): a typo in a range should not queue days of work.",
            HelpName = "N",
            DefaultValueFactory = _ => SweepPoints.DefaultMaxPoints,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-points must be at least 1");
            }
        });
        return option;
    }

    public static Command Create(CliConsole console, CancellationToken cancel)
    {
        var command = new Command("sweep", "Runs the hyperparameter sweeps (experiments/*.sweep.yml): grid or random points over any experiment key, successive halving over shared trajectories, every choice on validation; only each sweep's chosen point is evaluated on test. Cached: a rerun trains nothing.")
        {
            Sweep,
            MaxPoints,
            CommonOptions.Jobs,
            CommonOptions.KeepGoing,
            CommonOptions.NoSharing,
            CommonOptions.Executor,
        };
        SlurmCliOptions.AddTo(command);
        command.SetAction(result =>
        {
            var ctx = PipelineCommands.Open(result, console, cancel);
            var executor = PipelineCommands.Executor(result, ctx);
            // Every point of every sweep is checked before anything is locked or trained.
            var sweeps = SweepFiles.Load(ctx.Workspace, result.GetValue(Sweep) ?? [], result.GetValue(MaxPoints));
            if (sweeps.Count == 0)
            {
                console.Info("sweep: no sweeps in experiments/ (NAME.sweep.yml), nothing to do");
                return 0;
            }
            using var runLock = ctx.Lock();
            var forced = EngineOptions.ForcedBy(false);
            var failures = new List<EngineFailure>();
            PipelineRun? last = null;
            foreach (var sweep in sweeps)
            {
                var (_, failed) = SweepStep.Run(ctx, sweep, (run, goal) =>
                {
                    last = run;
                    return PipelineCommands.Engine(ctx, run, result, forced, executor).Run(goal);
                });
                failures.AddRange(failed);
            }
            var policy = result.GetValue(CommonOptions.KeepGoing) ? FailurePolicy.KeepGoing : FailurePolicy.Fail;
            return PipelineCommands.Finish(console, "sweep", last!, failures.DistinctBy(f => f.Experiment).OrderBy(f => f.Experiment, StringComparer.Ordinal).ToArray(), policy);
        });
        return command;
    }
}
