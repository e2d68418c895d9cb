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
    }
}
