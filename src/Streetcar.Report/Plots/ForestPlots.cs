using Streetcar.Report.Statistics;

namespace Streetcar.Report.Plots;

/// <summary>Writes the forest plot of every headline metric that has at least one experiment's value.</summary>
public static class ForestPlots
{
    public static void Write(ReportStatistics statistics, string resultsDir)
    {
        foreach (var metric in ReportStatistics.ForestMetrics)
        {
            var rows = statistics.ForestRows(metric);
            if (rows.Count > 0)
            {
                ForestPlot.Write(metric, rows, resultsDir);
            }
        }
    }
}
