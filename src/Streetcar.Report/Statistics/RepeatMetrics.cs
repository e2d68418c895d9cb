namespace Streetcar.Report.Statistics;

/// <summary>
/// What each <see cref="RepeatMetric"/> is called and how it is written: the one place a metric's key, label and
/// precision live, so the table, the sentences and the plots agree.
/// </summary>
public static class RepeatMetrics
{
    /// <summary>Every metric, in table order.</summary>
    public static IReadOnlyList<RepeatMetric> All { get; } = Enum.GetValues<RepeatMetric>();

    /// <summary>The key used in results/metrics.json and by <c>compare</c> (e.g. <c>test_recall</c>).</summary>
    public static string Key(this RepeatMetric metric) => metric switch
    {
        RepeatMetric.TestAccuracy => "test_accuracy",
        RepeatMetric.Recall => "test_recall",
        RepeatMetric.Precision => "test_precision",
        RepeatMetric.RocAuc => "test_roc_auc",
        RepeatMetric.PrAuc => "test_pr_auc",
        RepeatMetric.EpochsRun => "epochs_run",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>The name a reader sees (table header, sentence, plot axis).</summary>
    public static string Label(this RepeatMetric metric) => metric switch
    {
        RepeatMetric.TestAccuracy => "test accuracy",
        RepeatMetric.Recall => "recall",
        RepeatMetric.Precision => "precision",
        RepeatMetric.RocAuc => "ROC AUC",
        RepeatMetric.PrAuc => "PR AUC",
        RepeatMetric.EpochsRun => "epochs run",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>The label as a table header writes it ("Test accuracy", "ROC AUC").</summary>
    public static string Header(this RepeatMetric metric) => char.ToUpperInvariant(metric.Label()[0]) + metric.Label()[1..];

    /// <summary>Decimals for a value or a difference: four for the rates (as in the experiments table), one for epochs.</summary>
    public static int Decimals(this RepeatMetric metric) => metric == RepeatMetric.EpochsRun ? 1 : 4;

    /// <summary>
    /// A rate or an AUC, bounded by [0, 1]: its interval over repeats is the bootstrap one, and only these are
    /// tested between experiments (epochs run is a design variable: the config sets it, so testing it says nothing).
    /// </summary>
    public static bool IsRate(this RepeatMetric metric) => metric != RepeatMetric.EpochsRun;

    /// <summary>The metric's value in one repeat.</summary>
    public static double Of(this RepeatMetric metric, RepeatScores scores) => metric switch
    {
        RepeatMetric.TestAccuracy => scores.TestAccuracy,
        RepeatMetric.Recall => scores.Recall,
        RepeatMetric.Precision => scores.Precision,
        RepeatMetric.RocAuc => scores.RocAuc,
        RepeatMetric.PrAuc => scores.PrAuc,
        RepeatMetric.EpochsRun => scores.EpochsRun,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}
