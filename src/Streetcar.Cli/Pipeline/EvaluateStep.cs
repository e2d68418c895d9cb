using Streetcar.Boosting;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
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

    /// <summary>The test split's raw scores, float32 little-endian in the prepared test split's row order (<see cref="EvaluateStage.TestScoresBytes"/>).</summary>
    public const string TestScoresFile = "test-scores.bin";

    /// <summary>The experiment's metrics with <paramref name="model"/>, computed now unless cached.</summary>
    public static EvaluationResult Ensure(PipelineContext ctx, ExperimentRun run, CacheEntry model, PreparedData data, bool force)
    {
        var info = new CacheEntryInfo(run.Label, run.Config.Description);
        var entry = ctx.Cache.GetOrCreate(run.EvaluateKey, info, folder => StageTiming.Measure(folder, () =>
        {
            using var predictor = Predictor(model);
            EncodedSplit? trainSplit = null;
            ScoredSplit Score(string file)
            {
                ctx.Cancel.ThrowIfCancellationRequested();
                var split = data.Read(file);
                trainSplit ??= split;
                return new ScoredSplit(split.Labels, predictor.Predict(split));
            }
            var chosen = predictor.ChosenLabel;
            var train = Score(PreparedLayout.Train);
            var (zeroWeight, oneWeight) = TrainingWeights(run.Config, trainSplit!);
            var input = new EvaluateInput(run.Experiment, chosen, run.Config.Threshold,
                train, Score(PreparedLayout.Valid), Score(PreparedLayout.Test))
            { ZeroWeight = zeroWeight, OneWeight = oneWeight };
            ctx.Cancel.ThrowIfCancellationRequested();
            var result = EvaluateStage.Run(input);
            StableJson.Write(Path.Combine(folder, MetricsFile), result);
            StableJson.Write(Path.Combine(folder, CurvesFile), EvaluateStage.TestCurves(input));
            File.WriteAllBytes(Path.Combine(folder, TestScoresFile), EvaluateStage.TestScoresBytes(input));
            var t = result.Test;
            ctx.Console.Info($"evaluate {run.Label}: test accuracy {t.Accuracy:F4}, recall {t.Recall:F4}, precision {t.Precision:F4}, false negatives {t.Confusion.FalseNegatives}, threshold {t.Threshold:F4} ({result.ThresholdRule})");
            if (result.CollapseReason is { } collapse)
            {
                ctx.Console.Info($"evaluate {run.Label}: collapsed ({collapse})");
            }
            foreach (var point in result.OperatingPoints.Where(p => p.Problem is not null))
            {
                ctx.Console.Info($"evaluate {run.Label}: operating point not computed: {point.Problem}");
            }
        }), force);
        return StableJson.Read<EvaluationResult>(entry.PathOf(MetricsFile));
    }

    /// <summary>The class weights the model was trained with (what the prior correction undoes): the network's
    /// <c>class_weight</c>, or the boosting's positive weight (negatives weigh 1).</summary>
    private static (double Zero, double One) TrainingWeights(ExperimentConfig config, EncodedSplit train)
    {
        if (config.Model == ModelKind.GradientBoosting)
        {
            var positives = train.Positives;
            var balanced = config.GradientBoosting.PositiveWeighting == PositiveWeighting.Balanced && positives > 0;
            return (1.0, balanced ? (double)(train.Rows - positives) / positives : 1.0);
        }
        var weights = ClassWeights.From(config, train);
        return (weights.Zero, weights.One);
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
