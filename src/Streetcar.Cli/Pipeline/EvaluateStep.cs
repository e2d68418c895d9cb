using Streetcar.Core.Cache;
using Streetcar.Core.Data;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Train;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Pipeline;

/// <summary>Evaluate: scores every split with the experiment's chosen model and caches metrics.json.</summary>
public static class EvaluateStep
{
    public const string MetricsFile = "metrics.json";

    /// <summary>The test split's ROC and PR curves (<see cref="Evaluate.Metrics.ScoreCurves"/>), for the report's plots.</summary>
    public const string CurvesFile = "curves.json";

    /// <summary>The experiment's metrics with <paramref name="model"/>, computed now unless cached.</summary>
    public static EvaluationResult Ensure(PipelineContext ctx, ExperimentRun run, CacheEntry model, PreparedData data, bool force)
    {
        var info = new CacheEntryInfo(run.Label, run.Config.Description);
        var entry = ctx.Cache.GetOrCreate(run.EvaluateKey, info, folder => StageTiming.Measure(folder, () =>
        {
            using var saved = ModelFolder.Load(model.Folder);
            ScoredSplit Score(string file)
            {
                var split = data.Read(file);
                return new ScoredSplit(split.Labels, TrainStage.Predict(saved.Model, split));
            }
            var chosen = saved.History.ChosenLabel;
            var input = new EvaluateInput(run.Experiment, chosen, run.Config.Threshold,
                Score(PreparedLayout.Train), Score(PreparedLayout.Valid), Score(PreparedLayout.Test));
            var result = EvaluateStage.Run(input);
            StableJson.Write(Path.Combine(folder, MetricsFile), result);
            StableJson.Write(Path.Combine(folder, CurvesFile), EvaluateStage.TestCurves(input));
            var t = result.Test;
            ctx.Console.Info($"evaluate {run.Label}: threshold {t.Threshold:F4} ({result.ThresholdRule}), test accuracy {t.Accuracy:F4}, recall {t.Recall:F4}, precision {t.Precision:F4}, false negatives {t.Confusion.FalseNegatives}");
        }), force);
        return StableJson.Read<EvaluationResult>(entry.PathOf(MetricsFile));
    }
}
