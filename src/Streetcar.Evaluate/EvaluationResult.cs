using Streetcar.Evaluate.Calibration;
using Streetcar.Evaluate.Metrics;
using Streetcar.Evaluate.OperatingPoints;

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

    /// <summary>Whether the kept model is degenerate by <see cref="Collapse.CollapseRule"/> (judged on validation).</summary>
    public bool Collapsed { get; init; }

    /// <summary>Why the kept model is collapsed (one line with the numbers); null when it is not.</summary>
    public string? CollapseReason { get; init; }

    /// <summary>The calibration fitted on validation: raw score → chance of a delay; null in entries before version 4.</summary>
    public CalibrationResult? Calibration { get; init; }

    /// <summary>
    /// Operating points (<see cref="OperatingPoint.RecallTarget"/> at recall 0.80, then
    /// <see cref="OperatingPoint.AlertBudget"/> at 10 % of slots): thresholds on validation, figures on test.
    /// </summary>
    public IReadOnlyList<OperatingPoint> OperatingPoints { get; init; } = [];

    /// <summary>
    /// Every metric on the validation split at the chosen threshold: what the report's choices read (the serving
    /// repeat and the recommendation rank on the primary metric's validation value, never on test). Null in entries
    /// written before it was recorded.
    /// </summary>
    public ClassificationMetrics? Valid { get; init; }
}
