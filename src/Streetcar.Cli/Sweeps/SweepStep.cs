using System.Globalization;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Config;
using Streetcar.Report.Sweeps;
using Streetcar.Sweep;

namespace Streetcar.Cli.Sweeps;

/// <summary>
/// A sweep as the verbs run it: its rounds through the engine, then the chosen point evaluated (the only point that
/// meets the test split), and what the report shows of it, replayed from the cache.
/// </summary>
public static class SweepStep
{
    /// <summary>What one sweep came to: the outcome, its failed points, and the chosen point's experiment config.</summary>
    public sealed record SweepResult(LoadedSweep Sweep, SweepOutcome Outcome, IReadOnlyDictionary<string, string> Failed)
    {
        public ExperimentConfig Chosen => Outcome.Chosen.Config;
    }

    /// <summary>
    /// Runs <paramref name="sweep"/>'s rounds and evaluates its chosen point; returns the outcome and every failure
    /// (points that failed rank last; the chosen point's evaluation failing is a failure of the sweep).
    /// </summary>
    public static (SweepResult Result, IReadOnlyList<EngineFailure> Failures) Run(PipelineContext ctx, LoadedSweep sweep,
        Func<PipelineRun, PipelineEngine.Goal, IReadOnlyList<EngineFailure>> engine)
    {
        var (outcome, failed) = new SweepRunner(ctx, engine).Run(sweep.Definition, sweep.Points);
        var chosen = outcome.Chosen;
        var best = outcome.Rounds[^1].Ranking[0];
        ctx.Console.Info($"sweep {sweep.Definition.Name}: chose {chosen.Point.Name} (validation {ConfigEnum.Name(sweep.Definition.Selection.Metric)} {best.Mean.ToString("F4", CultureInfo.InvariantCulture)}, mean of {chosen.Config.Repeats}); evaluating it on test");
        var evaluation = engine(PipelineRun.ForConfigs(ctx, [(chosen.Config, sweep.Definition.File)]), PipelineEngine.Goal.Evaluate);
        var failures = failed.Select(f => new EngineFailure(f.Key, f.Value, Core.Errors.ExitCodes.Pipeline)).Concat(evaluation).ToArray();
        return (new SweepResult(sweep, outcome, failed), failures);
    }

    /// <summary>The sweep replayed from the cache (nothing trains): a sweep that has not run to the end is an error naming it.</summary>
    public static SweepResult Replay(PipelineContext ctx, LoadedSweep sweep)
    {
        var (outcome, failed) = new SweepRunner(ctx, null).Run(sweep.Definition, sweep.Points);
        return new SweepResult(sweep, outcome, failed);
    }

    /// <summary>What the report shows of a sweep: its points ranked (last round first), the rounds, the epochs trained.</summary>
    public static SweepSummary Summary(PipelineContext ctx, SweepResult result)
    {
        var definition = result.Sweep.Definition;
        var outcome = result.Outcome;
        var byName = result.Sweep.Points.ToDictionary(p => p.Point.Name, StringComparer.Ordinal);
        var firstRound = outcome.Rounds[0].Ranking.ToDictionary(r => r.Name, r => r.Mean, StringComparer.Ordinal);
        var ordered = new List<SweepPointSummary>();
        var lastConfigs = new List<ExperimentConfig>();
        foreach (var round in outcome.Rounds.Reverse())
        {
            foreach (var ranked in round.Ranking)
            {
                if (ordered.Any(p => p.Name == ranked.Name))
                {
                    continue;
                }
                var point = byName[ranked.Name];
                var config = round.Epochs is { } epochs ? point.Config with { Epochs = Math.Min(epochs, point.Config.Epochs) } : point.Config;
                lastConfigs.Add(config);
                ordered.Add(new SweepPointSummary(ranked.Name, point.Point.Values.Select(v => v.Value.Text).ToArray(), round.Number,
                    config.Model == ModelKind.Network ? config.Epochs : null, ranked.Mean, ranked.Low, ranked.High, firstRound[ranked.Name]));
            }
        }
        var network = result.Sweep.Points[0].Config.Model == ModelKind.Network;
        var epochsTrained = network ? EpochsRun(ctx, lastConfigs, definition.File) : 0;
        var repeats = result.Sweep.Points[0].Config.Repeats;
        var fullBudget = result.Sweep.Points.Sum(p => (long)p.Config.Epochs) * repeats;
        var method = definition.Method == SweepMethod.Grid
            ? $"a grid of {result.Sweep.Points.Count} points"
            : $"{result.Sweep.Points.Count} of {definition.Combinations} combinations drawn at random (seed {definition.Seed})";
        return new SweepSummary(definition.Name, definition.Description, definition.Base, $"{method}, {repeats} repeat{(repeats == 1 ? "" : "s")} each",
            ConfigEnum.Name(definition.Selection.Metric), ConfigEnum.Name(definition.Selection.By),
            definition.Space.Select(d => new SweptKey(d.Key, d.Values.Select(v => v.Text).ToArray())).ToArray(),
            ordered, outcome.Chosen.Point.Name,
            outcome.Rounds.Select(r => new SweepRoundSummary(r.Number, r.Ranking.Count, r.Epochs, r.Survivors)).ToArray(),
            epochsTrained, network ? fullBudget : 0);
    }

    /// <summary>
    /// Epochs the points' repeats ran in the last round each reached: with shared trajectories, what the sweep
    /// trained (a survivor's earlier rounds are prefixes of its last one).
    /// </summary>
    private static long EpochsRun(PipelineContext ctx, IReadOnlyList<ExperimentConfig> configs, string file) =>
        PipelineRun.ForConfigs(ctx, configs.Select(c => (c, file)).ToArray()).Runs
            .Sum(r => ctx.Cache.TryOpen(r.TrainKey, out var entry) ? (long)TrainedModel.Read(entry).EpochsRun : 0);
}
