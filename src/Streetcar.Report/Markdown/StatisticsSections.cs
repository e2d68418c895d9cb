using System.Text;
using Streetcar.Report.Plots;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The report's sections over repeats, in reading order: the table of means and intervals, the forest plots, what
/// the intervals show (with one model's test-set interval for scale) and the paired differences.
/// </summary>
internal static class StatisticsSections
{
    public static void Render(StringBuilder md, ReportStatistics statistics)
    {
        md.Append(RepeatsTable.Render(statistics.Experiments));
        var plotted = ReportStatistics.ForestMetrics.Where(m => statistics.ForestRows(m).Count > 0).ToList();
        if (plotted.Count > 0)
        {
            md.Append(string.Join(" ", plotted.Select(m => $"![{m.Label()} over repeats]({ForestPlot.PlotPath(m)})")));
            md.Append("\n\n");
        }
        md.Append(IntervalsNote.Render(statistics.TestSet));
        md.Append(DifferencesSection.Render(statistics.Comparisons));
        md.Append(SignificanceSummary(statistics.Comparisons));
    }

    /// <summary>One sentence per metric a reader can quote: which pairs differ at the significance level and which do not.</summary>
    private static string SignificanceSummary(IReadOnlyList<PairedComparison> comparisons)
    {
        var tested = comparisons.Where(c => c.AdjustedP is not null).ToList();
        if (tested.Count == 0)
        {
            return "";
        }
        var md = new StringBuilder();
        md.Append($"**In short** (Holm-adjusted paired t, α = {StatisticsFormat.Alpha(tested[0].Alpha)}):\n\n");
        foreach (var metric in tested.GroupBy(c => c.Metric))
        {
            var significant = metric.Where(c => c.Significant).Select(Name).ToList();
            var not = metric.Where(c => !c.Significant).Select(Name).ToList();
            md.Append($"- {metric.Key.Header()}: ");
            md.Append(significant.Count == 0 ? $"no difference is significant ({string.Join(", ", not)}).\n"
                : not.Count == 0 ? $"every difference is significant ({string.Join(", ", significant)}).\n"
                : $"significant: {string.Join(", ", significant)}; not significant: {string.Join(", ", not)}.\n");
        }
        md.Append('\n');
        return md.ToString();
    }

    private static string Name(PairedComparison c) => $"{c.Pair.Candidate} vs {c.Pair.Baseline}";
}
