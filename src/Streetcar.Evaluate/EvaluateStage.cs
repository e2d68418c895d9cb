using Streetcar.Core.Config;
using Streetcar.Evaluate.Metrics;
using Streetcar.Evaluate.Thresholds;

namespace Streetcar.Evaluate;

/// <summary>Labels and the chosen model's probabilities for one split.</summary>
public sealed record ScoredSplit(byte[] Labels, float[] Probabilities);

/// <summary>Everything the Evaluate stage needs: the chosen model's scores on each split.</summary>
/// <param name="Threshold">The experiment's rule; a rule other than a fixed number is applied to the validation split.</param>
public sealed record EvaluateInput(string Experiment, string ChosenModel, ThresholdRule Threshold, ScoredSplit Train, ScoredSplit Valid, ScoredSplit Test);

/// <summary>
/// The Evaluate stage: metrics of an experiment's chosen model. Pure: the scoring itself (TorchSharp) happens
/// before, so metrics can be tested without libtorch.
/// </summary>
public static class EvaluateStage
{
    /// <summary>Version of the stage's logic; part of every Evaluate cache key.</summary>
    /// <remarks>3: threshold rules chosen on validation, the rule and the chosen threshold in metrics.json, validation ROC AUC.</remarks>
    public const int Version = 3;

    /// <summary>
    /// The threshold is chosen on the validation split (a fixed rule keeps its number), then applied to every
    /// split: the test figures never influence it.
    /// </summary>
    public static EvaluationResult Run(EvaluateInput input)
    {
        var chosen = ThresholdSelection.Choose(input.Threshold, input.Valid.Labels, input.Valid.Probabilities);
        var threshold = chosen.Threshold;
        return new EvaluationResult(
            input.Experiment,
            input.ChosenModel,
            ClassificationMetrics.Compute(input.Test.Labels, input.Test.Probabilities, threshold),
            ConfusionMatrix.FromProbabilities(input.Train.Labels, input.Train.Probabilities, threshold).Accuracy,
            chosen.Validation.Accuracy)
        {
            ThresholdRule = input.Threshold.ToString(),
            ValidRecall = chosen.Recall,
            ValidRocAuc = RankingMetrics.RocAuc(input.Valid.Labels, input.Valid.Probabilities),
        };
    }

    /// <summary>The ROC and PR curves of the test split (thinned), saved beside the metrics so the report needs no model.</summary>
    public static ScoreCurves TestCurves(EvaluateInput input) => ScoreCurves.Compute(input.Test.Labels, input.Test.Probabilities);
}
