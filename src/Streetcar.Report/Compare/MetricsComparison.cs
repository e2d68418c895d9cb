using System.Globalization;
using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Compare;

/// <summary>One metric of one experiment in two revisions (NaN where a side lacks it).</summary>
public sealed record MetricDelta(string Experiment, string Metric, double Baseline, double Current)
{
    public double Change => Current - Baseline;
}

/// <summary>
/// Metric deltas between two results/metrics.json files, like `dvc metrics diff`: every experiment of either
/// side, the headline test metrics, baseline → current and the change.
/// </summary>
public static class MetricsComparison
{
    private static readonly (string Name, Func<ExperimentMetrics, double> Get)[] Metrics =
    [
        ("test_accuracy", m => m.Evaluation?.Test.Accuracy ?? double.NaN),
        ("test_recall", m => m.Evaluation?.Test.Recall ?? double.NaN),
        ("test_precision", m => m.Evaluation?.Test.Precision ?? double.NaN),
        ("test_f1", m => m.Evaluation?.Test.F1 ?? double.NaN),
        ("test_roc_auc", m => m.Evaluation?.Test.RocAuc ?? double.NaN),
        ("false_negatives", m => m.Evaluation?.Test.Confusion.FalseNegatives ?? double.NaN),
        ("valid_accuracy", m => m.Evaluation?.ValidAccuracy ?? double.NaN),
        ("epochs_run", m => m.EpochsRun),
    ];

    public static IReadOnlyList<MetricDelta> Compare(IReadOnlyList<ExperimentMetrics> baseline, IReadOnlyList<ExperimentMetrics> current)
    {
        var names = baseline.Select(m => m.Name).Union(current.Select(m => m.Name)).Order(StringComparer.Ordinal);
        var rows = new List<MetricDelta>();
        foreach (var name in names)
        {
            var b = baseline.FirstOrDefault(m => m.Name == name);
            var c = current.FirstOrDefault(m => m.Name == name);
            foreach (var (metric, get) in Metrics)
            {
                rows.Add(new MetricDelta(name, metric, b is null ? double.NaN : get(b), c is null ? double.NaN : get(c)));
            }
        }
        return rows;
    }

    /// <summary>A plain-text table; with <paramref name="changedOnly"/>, only the rows that differ.</summary>
    public static string Render(IReadOnlyList<MetricDelta> rows, string baselineLabel, bool changedOnly)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"experiment",-12} {"metric",-16} {baselineLabel,14} {"workspace",14} {"change",10}\n");
        foreach (var row in rows.Where(r => !changedOnly || !Same(r.Baseline, r.Current)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Experiment,-12} {row.Metric,-16} {Number(row.Baseline),14} {Number(row.Current),14} {Change(row),10}\n");
        }
        return text.ToString();
    }

    private static bool Same(double a, double b) => a.Equals(b);

    private static string Number(double value) => double.IsNaN(value) ? "-" : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Change(MetricDelta row) =>
        double.IsNaN(row.Change) ? "-" : row.Change == 0 ? "0" : row.Change.ToString("+0.####;-0.####", CultureInfo.InvariantCulture);
}
