using System.Globalization;
using System.Text;
using Streetcar.Report.Model;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Compare;

/// <summary>
/// Metric deltas between two results/metrics.json files, like `dvc metrics diff`: every experiment of either
/// side, the headline test metrics, baseline → current and the change. The metrics summarised over repeats are
/// compared as means and judged by <see cref="NoiseRule"/> against the baseline's interval; the others are the
/// serving repeat's figures.
/// </summary>
public static class MetricsComparison
{
    /// <summary>The serving repeat's figures that have no summary over repeats.</summary>
    private static readonly (string Name, Func<ExperimentMetrics, double> Get)[] ServingMetrics =
    [
        ("test_f1", m => m.Evaluation?.Test.F1 ?? double.NaN),
        ("false_negatives", m => m.Evaluation?.Test.Confusion.FalseNegatives ?? double.NaN),
        ("valid_accuracy", m => m.Evaluation?.ValidAccuracy ?? double.NaN),
    ];

    public static IReadOnlyList<MetricDelta> Compare(IReadOnlyList<ExperimentMetrics> baseline, IReadOnlyList<ExperimentMetrics> current)
    {
        var names = baseline.Select(m => m.Name).Union(current.Select(m => m.Name)).Order(StringComparer.Ordinal);
        var rows = new List<MetricDelta>();
        foreach (var name in names)
        {
            var b = baseline.FirstOrDefault(m => m.Name == name);
            var c = current.FirstOrDefault(m => m.Name == name);
            foreach (var metric in RepeatMetrics.All)
            {
                var before = b is null ? null : SummaryOf(b, metric);
                var now = c is null ? null : SummaryOf(c, metric);
                var currentMean = now?.Mean ?? double.NaN;
                var verdict = before is null || now is null ? (NoiseVerdict?)null : NoiseRule.Judge(before, currentMean);
                rows.Add(new MetricDelta(name, metric.Key(), before?.Mean ?? double.NaN, currentMean, verdict));
            }
            foreach (var (metric, get) in ServingMetrics)
            {
                rows.Add(new MetricDelta(name, metric, b is null ? double.NaN : get(b), c is null ? double.NaN : get(c), null));
            }
        }
        return rows;
    }

    /// <summary>
    /// The metric over an experiment's repeats: the stored summary; else one computed from the per-repeat figures
    /// (metrics.json of a revision before summaries were stored); else the single top-level figure (before repeats).
    /// Null when the experiment failed.
    /// </summary>
    public static RepeatSummary? SummaryOf(ExperimentMetrics m, RepeatMetric metric)
    {
        if (m.Summaries.FirstOrDefault(s => s.Metric == metric.Key()) is { } stored)
        {
            return stored.ToSummary();
        }
        if (m.Evaluation is null)
        {
            return null;
        }
        var repeats = m.Repeats.Count > 0
            ? new RepeatedExperiment(m.Name, [.. m.Repeats.Select(r => RepeatScores.From(r.Repeat, r.Evaluation, r.EpochsRun))])
            : new RepeatedExperiment(m.Name, [RepeatScores.From(m.ServingRepeat, m.Evaluation, m.EpochsRun)]);
        return repeats.Summary(metric);
    }

    /// <summary>What the table's figures are, printed under it.</summary>
    public const string Legend = "test_accuracy to epochs_run are means over repeats, \"within noise\" when the new mean lies inside the "
        + "baseline's 95 % confidence interval of its mean; test_f1, false_negatives and valid_accuracy are the serving repeat's.";

    /// <summary>A plain-text table; with <paramref name="changedOnly"/>, only the rows that differ.</summary>
    public static string Render(IReadOnlyList<MetricDelta> rows, string baselineLabel, bool changedOnly, string currentLabel = "workspace")
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"experiment",-12} {"metric",-16} {baselineLabel,14} {currentLabel,14} {"change",10}  noise\n");
        foreach (var row in rows.Where(r => !changedOnly || !Same(r.Baseline, r.Current)))
        {
            var noise = row.Noise is { } verdict ? NoiseRule.Describe(verdict) : "-";
            text.Append(CultureInfo.InvariantCulture, $"{row.Experiment,-12} {row.Metric,-16} {Number(row.Baseline),14} {Number(row.Current),14} {Change(row),10}  {noise}\n");
        }
        return text.ToString();
    }

    private static bool Same(double a, double b) => a.Equals(b);

    private static string Number(double value) => double.IsNaN(value) ? "-" : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Change(MetricDelta row) =>
        double.IsNaN(row.Change) ? "-" : row.Change == 0 ? "0" : row.Change.ToString("+0.####;-0.####", CultureInfo.InvariantCulture);
}
