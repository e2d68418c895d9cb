using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate;

/// <summary>Labels and the chosen model's probabilities for one split.</summary>
public sealed record ScoredSplit(byte[] Labels, float[] Probabilities);

/// <summary>Everything the Evaluate stage needs: the chosen model's scores on each split.</summary>
public sealed record EvaluateInput(string Experiment, string ChosenModel, double Threshold, ScoredSplit Train, ScoredSplit Valid, ScoredSplit Test);

/// <summary>
/// The Evaluate stage: metrics of an experiment's chosen model. Pure: the scoring itself (TorchSharp) happens
/// before, so metrics can be tested without libtorch.
/// </summary>
public static class EvaluateStage
{
    /// <summary>Version of the stage's logic; part of every Evaluate cache key.</summary>
    public const int Version = 3; // 3: validation ROC AUC

    public static EvaluationResult Run(EvaluateInput input) => new(
        input.Experiment,
        input.ChosenModel,
        ClassificationMetrics.Compute(input.Test.Labels, input.Test.Probabilities, input.Threshold),
        ConfusionMatrix.FromProbabilities(input.Train.Labels, input.Train.Probabilities, input.Threshold).Accuracy,
        ConfusionMatrix.FromProbabilities(input.Valid.Labels, input.Valid.Probabilities, input.Threshold).Accuracy)
    {
        ValidRocAuc = RankingMetrics.RocAuc(input.Valid.Labels, input.Valid.Probabilities),
    };
}
