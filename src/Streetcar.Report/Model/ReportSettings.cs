using Streetcar.Core.Config;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Report.Model;

/// <summary>
/// How the report judges the experiments, from <c>experiments/_report.yml</c> (<see cref="ReportConfig"/>, read and
/// checked with the experiments). Only the report reads it, so changing it trains or evaluates nothing.
/// </summary>
public sealed record ReportSettings
{
    /// <summary>The file's name in the experiments folder (a leading '_': not an experiment).</summary>
    public const string FileName = "_report.yml";

    /// <summary>Test metric the recommendation ranks by (default <c>pr_auc</c>).</summary>
    public PrimaryMetric PrimaryMetric { get; init; } = PrimaryMetric.PrAuc;

    /// <summary>The value of <see cref="PrimaryMetric"/> in <paramref name="test"/>.</summary>
    public double Value(ClassificationMetrics test) => PrimaryMetric switch
    {
        PrimaryMetric.PrAuc => test.PrAuc,
        PrimaryMetric.RocAuc => test.RocAuc,
        PrimaryMetric.F1 => test.F1,
        PrimaryMetric.Recall => test.Recall,
        PrimaryMetric.Accuracy => test.Accuracy,
        _ => throw new ArgumentOutOfRangeException(nameof(test), PrimaryMetric, "unknown primary metric"),
    };

    /// <summary>How the text names <see cref="PrimaryMetric"/>.</summary>
    public string Label => PrimaryMetric switch
    {
        PrimaryMetric.PrAuc => "test PR AUC",
        PrimaryMetric.RocAuc => "test ROC AUC",
        PrimaryMetric.F1 => "test F1 at each experiment's threshold",
        PrimaryMetric.Recall => "test recall at each experiment's threshold",
        _ => "test accuracy at each experiment's threshold",
    };
}
