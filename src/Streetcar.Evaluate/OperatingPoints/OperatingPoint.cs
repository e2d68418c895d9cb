namespace Streetcar.Evaluate.OperatingPoints;

/// <summary>
/// A threshold a planner would run the model at, chosen on validation and then measured on test. When the
/// point cannot be chosen (no delay in validation, an unreachable recall, a budget the top score's ties
/// already exceed), <see cref="Problem"/> says why in one line naming the experiment and every figure is null.
/// </summary>
/// <param name="Rule"><see cref="RecallTarget"/> or <see cref="AlertBudget"/>.</param>
/// <param name="Target">The recall aimed at, or the largest share of slots alerted.</param>
/// <param name="Problem">Null when computed; else why not.</param>
/// <param name="Threshold">Raw-score threshold chosen on validation (alert when score ≥ threshold).</param>
/// <param name="ValidRecall">Validation recall at the threshold.</param>
/// <param name="ValidPrecision">Validation precision at the threshold.</param>
/// <param name="ValidAlertShare">Share of validation slots alerted at the threshold.</param>
/// <param name="TestRecall">Test recall at the threshold.</param>
/// <param name="TestPrecision">Test precision at the threshold.</param>
/// <param name="TestAlertShare">Share of test slots alerted at the threshold.</param>
public sealed record OperatingPoint(
    string Rule,
    double Target,
    string? Problem,
    double? Threshold,
    double? ValidRecall,
    double? ValidPrecision,
    double? ValidAlertShare,
    double? TestRecall,
    double? TestPrecision,
    double? TestAlertShare)
{
    /// <summary>The highest threshold whose validation recall reaches the target: its precision on test is the figure.</summary>
    public const string RecallTarget = "recall_target";

    /// <summary>The lowest threshold that alerts at most the target share of validation slots: its recall on test is the figure.</summary>
    public const string AlertBudget = "alert_budget";
}
