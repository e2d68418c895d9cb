using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate;

/// <summary>The Evaluate stage's output for one experiment, written as metrics.json.</summary>
/// <param name="Experiment">Experiment name (the file name without .yml).</param>
/// <param name="ChosenModel">"best" (early-stopping checkpoint) or "final".</param>
/// <param name="Test">Every metric on the test split.</param>
/// <param name="TrainAccuracy">Accuracy of the chosen model on the training split (inference mode).</param>
/// <param name="ValidAccuracy">Accuracy of the chosen model on the validation split (inference mode).</param>
public sealed record EvaluationResult(
    string Experiment,
    string ChosenModel,
    ClassificationMetrics Test,
    double TrainAccuracy,
    double ValidAccuracy)
{
    /// <summary>
    /// ROC AUC of the chosen model on the validation split: threshold-free, so it ranks models fairly on data this
    /// imbalanced (validation accuracy and unweighted loss both favour a model that never predicts a delay). Picks
    /// the serving repeat of an experiment.
    /// </summary>
    public double? ValidRocAuc { get; init; }

    /// <summary>
    /// The threshold rule as configured (<c>0.5</c>, <c>target_recall 0.85</c>, <c>max_f1</c>, <c>youden</c>); the
    /// threshold it chose on validation, applied to every split, is <see cref="ClassificationMetrics.Threshold"/> of <see cref="Test"/>.
    /// </summary>
    public string ThresholdRule { get; init; } = "0.5";

    /// <summary>Recall on the validation split at the chosen threshold (what a target_recall rule aimed at).</summary>
    public double ValidRecall { get; init; } = double.NaN;
}
