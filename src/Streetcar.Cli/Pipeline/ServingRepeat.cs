using Streetcar.Core.Cache;
using Streetcar.Core.Json;
using Streetcar.Evaluate;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Which repeat of an experiment serves: the report's plots and `score` use its model. The rule: the repeat whose
/// kept model has the median validation ROC AUC; with an even count, the better of the two middle ones; equal
/// values go to the lower repeat number. Chosen on validation, never on test, so that the choice cannot flatter the
/// test figures; on ROC AUC, because validation accuracy and unweighted loss both prefer a model that never
/// predicts a delay; and the median, not the best, so that the plots show a typical run rather than a lucky one.
/// </summary>
public static class ServingRepeat
{
    /// <summary>
    /// The serving run of <paramref name="experiment"/> and its cached model folder, judged on the cached
    /// evaluations; null when a repeat has no cached model or evaluation.
    /// </summary>
    public static (ExperimentRun Run, CacheEntry Model)? Of(PipelineContext ctx, Experiment experiment)
    {
        var candidates = new List<(ExperimentRun Run, CacheEntry Model, double Score)>();
        foreach (var run in experiment.Runs)
        {
            if (!ctx.Cache.TryOpen(run.TrainKey, out var model) || !ctx.Cache.TryOpen(run.EvaluateKey, out var evaluation))
            {
                return null;
            }
            var metrics = StableJson.Read<EvaluationResult>(evaluation.PathOf(EvaluateStep.MetricsFile));
            candidates.Add((run, model, metrics.ValidRocAuc ?? double.NaN));
        }
        var serving = Choose(candidates.Select(c => (c.Run.Repeat, c.Score)).ToArray());
        var chosen = candidates.Single(c => c.Run.Repeat == serving);
        return (chosen.Run, chosen.Model);
    }

    /// <summary>The serving repeat among <paramref name="repeats"/> (repeat number, validation ROC AUC; NaN ranks last).</summary>
    public static int Choose(IReadOnlyList<(int Repeat, double ValidRocAuc)> repeats)
    {
        if (repeats.Count == 0)
        {
            throw new ArgumentException("no repeats to choose from", nameof(repeats));
        }
        var ordered = repeats.OrderByDescending(r => double.IsNaN(r.ValidRocAuc) ? double.NegativeInfinity : r.ValidRocAuc).ThenBy(r => r.Repeat).ToArray();
        return ordered[(ordered.Length - 1) / 2].Repeat;
    }
}
