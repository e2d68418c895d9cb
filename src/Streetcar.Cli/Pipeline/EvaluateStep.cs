using Streetcar.Boosting;
using Streetcar.Core.Cache;
using Streetcar.Core.Data;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Train;
using Streetcar.Train.Saving;

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
            using var predictor = Predictor(model);
            ScoredSplit Score(string file)
            {
                ctx.Cancel.ThrowIfCancellationRequested();
                var split = data.Read(file);
                return new ScoredSplit(split.Labels, predictor.Predict(split));
            }
            var chosen = predictor.ChosenLabel;
            var input = new EvaluateInput(run.Experiment, chosen, run.Config.Threshold,
                Score(PreparedLayout.Train), Score(PreparedLayout.Valid), Score(PreparedLayout.Test));
            ctx.Cancel.ThrowIfCancellationRequested();
            var result = EvaluateStage.Run(input);
            StableJson.Write(Path.Combine(folder, MetricsFile), result);
            StableJson.Write(Path.Combine(folder, CurvesFile), EvaluateStage.TestCurves(input));
            var t = result.Test;
            ctx.Console.Info($"evaluate {run.Label}: test accuracy {t.Accuracy:F4}, recall {t.Recall:F4}, precision {t.Precision:F4}, false negatives {t.Confusion.FalseNegatives}, threshold {t.Threshold:F4} ({result.ThresholdRule})");
        }), force);
        return StableJson.Read<EvaluationResult>(entry.PathOf(MetricsFile));
    }

    /// <summary>The model of a train entry of either kind, as a function of a split, and how it names its kept model.</summary>
    private static ModelPredictor Predictor(CacheEntry model)
    {
        if (BoostingModelFolderLayout.IsBoosting(model.Folder))
        {
            var boosted = BoostingModelFolder.Load(model.Folder);
            return new ModelPredictor(boosted.Predict, "final", null);
        }
        var saved = ModelFolder.Load(model.Folder);
        return new ModelPredictor(split => TrainStage.Predict(saved.Model, split), saved.History.ChosenLabel, saved);
    }

    private sealed record ModelPredictor(Func<EncodedSplit, float[]> Predict, string ChosenLabel, IDisposable? Owned) : IDisposable
    {
        public void Dispose() => Owned?.Dispose();
    }
}
