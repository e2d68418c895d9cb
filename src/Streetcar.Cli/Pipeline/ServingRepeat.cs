using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Report.Model;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Which repeat of an experiment serves: the report's plots and `score` use its model. The rule is
/// <see cref="ServingRule"/> (the best validation value of the primary metric among the repeats that did not
/// collapse), read here from the cached evaluations so that `score --experiment X` serves the report's model.
/// </summary>
public static class ServingRepeat
{
    /// <summary>
    /// The serving run of <paramref name="experiment"/> and its cached model folder, judged on the cached
    /// evaluations; null when a repeat has no cached model or evaluation.
    /// </summary>
    public static (ExperimentRun Run, CacheEntry Model)? Of(PipelineContext ctx, Experiment experiment, PrimaryMetric metric)
    {
        var candidates = new List<(ExperimentRun Run, CacheEntry Model, EvaluationResult Evaluation)>();
        foreach (var run in experiment.Runs)
        {
            if (!ctx.Cache.TryOpen(run.TrainKey, out var model) || !ctx.Cache.TryOpen(run.EvaluateKey, out var evaluation))
            {
                return null;
            }
            var metrics = StableJson.Read<EvaluationResult>(evaluation.PathOf(EvaluateStep.MetricsFile));
            candidates.Add((run, model, metrics));
        }
        var serving = ServingRule.Choose([.. candidates.Select(c => (c.Run.Repeat, c.Evaluation))], metric);
        var chosen = candidates.Single(c => c.Run.Repeat == serving);
        return (chosen.Run, chosen.Model);
    }
}
