using Streetcar.Cli.Pipeline;
using Streetcar.Core.Errors;
using Streetcar.Sweep;

namespace Streetcar.Cli.Sweeps;

/// <summary>
/// Runs a sweep's rounds through the engine (<see cref="SuccessiveHalving"/>): each round's points are experiments in
/// memory, trained and scored on validation (<see cref="PipelineEngine.Goal.Validate"/>) on any executor; then the
/// chosen point alone is evaluated. Without an engine it replays the sweep from the cache (the report): the same
/// rounds, survivors and choice, since they depend on cached figures alone; an entry it needs that is missing means
/// the sweep has not run.
/// </summary>
/// <param name="ctx">The run's context.</param>
/// <param name="engine">Brings a run to a goal and returns its failures; null: read the cache only.</param>
public sealed class SweepRunner(PipelineContext ctx, Func<PipelineRun, PipelineEngine.Goal, IReadOnlyList<EngineFailure>>? engine)
{
    /// <summary>The sweep's outcome and the points that failed (name → why), whose figures rank last.</summary>
    public (SweepOutcome Outcome, IReadOnlyDictionary<string, string> Failed) Run(SweepDefinition sweep, IReadOnlyList<ResolvedPoint> points)
    {
        var failed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var failures = new FailureLog(ctx.Workspace);
        var outcome = SuccessiveHalving.Run(sweep, points, (round, atBudget) =>
        {
            var run = PipelineRun.ForConfigs(ctx, atBudget.Select(p => (p.Config, sweep.File)).ToArray());
            if (engine is not null)
            {
                var budget = sweep.Halving is null ? "" : $" to {atBudget.Max(p => p.Config.Epochs)} epochs";
                ctx.Console.Info($"sweep {sweep.Name}: round {round}: {atBudget.Count} point{(atBudget.Count == 1 ? "" : "s")}{budget}");
                foreach (var failure in engine(run, PipelineEngine.Goal.Validate))
                {
                    failed[failure.Experiment] = failure.Message;
                }
            }
            var figures = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
            foreach (var experiment in run.Experiments)
            {
                figures[experiment.Name] = experiment.Runs.Select(r =>
                {
                    if (ctx.Cache.TryOpen(r.Keys[StageTable.Validate.Name], out var entry))
                    {
                        return ValidateStep.Read(entry).Of(sweep.Selection.Metric);
                    }
                    if (engine is null && failures.FailedWith(experiment.Name, experiment.Key) is { } error)
                    {
                        failed[experiment.Name] = error;
                    }
                    else if (engine is null)
                    {
                        throw new PipelineException($"sweep {sweep.Name} has not run to the end (point {r.Label}, round {round}, is not in the cache): run `streetcar sweep {sweep.Name}`", ExitCodes.Pipeline);
                    }
                    return double.NaN;
                }).ToArray();
            }
            return figures;
        });
        return (outcome, failed);
    }
}
