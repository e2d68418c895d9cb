using Streetcar.Core.Config;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate.Thresholds;

/// <summary>
/// A threshold and what it achieved on the validation split it was chosen on (predict a delay when
/// P(delay) ≥ <see cref="Threshold"/>). Recomputing the confusion matrix on validation at this threshold gives
/// <see cref="Validation"/> exactly.
/// </summary>
/// <param name="Rule">The rule that chose it.</param>
/// <param name="Threshold">The threshold to apply to the test split.</param>
/// <param name="Validation">Validation outcomes at <see cref="Threshold"/>.</param>
public sealed record ChosenThreshold(ThresholdRule Rule, double Threshold, ConfusionMatrix Validation)
{
    /// <summary>Validation recall (true-positive rate).</summary>
    public double Recall => Validation.Recall;

    /// <summary>Validation precision.</summary>
    public double Precision => Validation.Precision;

    /// <summary>Validation F1.</summary>
    public double F1 => Validation.F1;

    /// <summary>FP / (FP + TN) on validation (0 when there is no negative).</summary>
    public double FalsePositiveRate
    {
        get
        {
            var negatives = Validation.FalsePositives + Validation.TrueNegatives;
            return negatives == 0 ? 0 : (double)Validation.FalsePositives / negatives;
        }
    }

    /// <summary>Youden's J on validation: recall − false-positive rate.</summary>
    public double YoudenJ => Recall - FalsePositiveRate;
}
