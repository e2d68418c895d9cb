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

    public static EvaluationResult Ensure(PipelineContext ctx, Experiment experiment, Func<PreparedData> prepared)
    {
        // The model entry first, even when the metrics are cached: the report reads its history, so a damaged
        // model entry must be detected and rebuilt here, not left to show up as "not trained" in the report.
        var model = TrainStep.Ensure(ctx with { Force = false }, experiment, prepared);
        if (!ctx.Force && ctx.Cache.TryOpen(experiment.EvaluateKey, out var cached))
        {
            ctx.Console.Info($"evaluate {experiment.Name}: cached ({experiment.EvaluateKey})");
            return StableJson.Read<EvaluationResult>(cached.PathOf(MetricsFile));
        }
        var info = new CacheEntryInfo(experiment.Name, experiment.Config.Description);
        var entry = ctx.Cache.GetOrCreate(experiment.EvaluateKey, info, folder => StageTiming.Measure(folder, () =>
        {
            var data = prepared();
            using var saved = ModelFolder.Load(model.Folder);
            ScoredSplit Score(string file)
            {
                var split = data.Read(file);
                return new ScoredSplit(split.Labels, TrainStage.Predict(saved.Model, split));
            }
            var chosen = saved.History.ChosenLabel;
            var input = new EvaluateInput(experiment.Name, chosen, experiment.Config.Threshold,
                Score(PreparedLayout.Train), Score(PreparedLayout.Valid), Score(PreparedLayout.Test));
            var result = EvaluateStage.Run(input);
            StableJson.Write(Path.Combine(folder, MetricsFile), result);
            var t = result.Test;
            ctx.Console.Info($"evaluate {experiment.Name}: test accuracy {t.Accuracy:F4}, recall {t.Recall:F4}, precision {t.Precision:F4}, false negatives {t.Confusion.FalseNegatives}");
        }), force: true);
        return StableJson.Read<EvaluationResult>(entry.PathOf(MetricsFile));
    }
}
