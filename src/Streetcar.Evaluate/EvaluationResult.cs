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
}
