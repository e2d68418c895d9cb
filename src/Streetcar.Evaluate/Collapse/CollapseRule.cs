using System.Globalization;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate.Collapse;

/// <summary>
/// The one rule that calls a kept model collapsed (degenerate): its validation ROC AUC is below
/// <see cref="MinRocAuc"/> (it ranks delays no better than chance, the saturated state the book's weighted runs
/// fall into), or at the kept threshold it predicts one class for at least <see cref="MaxOneClassShare"/> of the
/// validation rows (a model that (almost) never or always predicts a delay). Judged on validation only, so a
/// report can leave collapsed repeats out of the serving choice without looking at test.
/// </summary>
public static class CollapseRule
{
    /// <summary>Validation ROC AUC below this is a collapse.</summary>
    public const double MinRocAuc = 0.55;

    /// <summary>One predicted class for this share of validation rows or more is a collapse.</summary>
    public const double MaxOneClassShare = 0.999;

    /// <summary>Null when the model works; else why it is collapsed (one line, with the numbers).</summary>
    /// <param name="validRocAuc">Validation ROC AUC (NaN when undefined: collapsed).</param>
    /// <param name="validation">Validation outcomes at the kept threshold.</param>
    public static string? Reason(double validRocAuc, ConfusionMatrix validation)
    {
        if (!(validRocAuc >= MinRocAuc))
        {
            return string.Create(CultureInfo.InvariantCulture, $"validation ROC AUC {validRocAuc:F4} < {MinRocAuc}");
        }
        var total = validation.Total;
        var predictedDelay = validation.TruePositives + validation.FalsePositives;
        var share = total == 0 ? 1.0 : Math.Max(predictedDelay, total - predictedDelay) / (double)total;
        if (share >= MaxOneClassShare)
        {
            var which = predictedDelay * 2 >= total ? "delay" : "no delay";
            return string.Create(CultureInfo.InvariantCulture, $"predicts {which} for {share * 100:F2} % of validation rows (≥ {MaxOneClassShare * 100:F1} %) at the kept threshold");
        }
        return null;
    }
}
