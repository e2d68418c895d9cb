using System.Text;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The experiments table over repeats: per experiment and metric, "mean ± sd [CI]" (Student t over the repeats that
/// succeeded). A single repeat shows its value and says it has no interval rather than showing one it cannot have.
/// </summary>
public static class RepeatsTable
{
    public static string Render(IReadOnlyList<RepeatedExperiment> experiments, double level = 0.95)
    {
        var md = new StringBuilder();
        md.Append("## Experiments over repeats\n\n");
        md.Append($"Each cell: mean ± sample sd [{Levels.Percent(level)} interval of the mean] over the repeats that succeeded, all ");
        md.Append($"scored on the same test rows. For the rates and AUCs the interval is the percentile bootstrap over the repeats ");
        md.Append($"({Format.Count(BootstrapInterval.Resamples)} resamples, seed {BootstrapInterval.Seed}), which stays inside [0, 1]; for epochs run, Student t.\n\n");
        md.Append("| Experiment | Repeats |");
        foreach (var metric in RepeatMetrics.All)
        {
            md.Append($" {Format.Cell(metric.Header())} |");
        }
        md.Append("\n|---|---:|");
        md.Append(string.Concat(RepeatMetrics.All.Select(_ => "---:|")));
        md.Append('\n');
        foreach (var e in experiments)
        {
            md.Append($"| {Format.Cell(e.Name)} | {e.Repeats.Count} |");
            foreach (var metric in RepeatMetrics.All)
            {
                md.Append($" {(e.Repeats.Count == 0 ? "failed" : Cell(e.Summary(metric, level), metric))} |");
            }
            md.Append('\n');
        }
        md.Append('\n');
        return md.ToString();
    }

    /// <summary>"0.7433 ± 0.0123 [0.7280, 0.7586]"; "0.7433 (one repeat: no interval)"; "n/a" when nothing is defined.</summary>
    public static string Cell(RepeatSummary? summary, RepeatMetric metric)
    {
        if (summary is null)
        {
            return "n/a";
        }
        var d = metric.Decimals();
        var undefined = summary.Undefined > 0 ? $" ({summary.Undefined} n/a)" : "";
        if (summary.Interval is not { } ci || summary.Sd is not { } sd)
        {
            return $"{StatisticsFormat.Number(summary.Mean, d)} (one repeat: no interval){undefined}";
        }
        return $"{StatisticsFormat.Number(summary.Mean, d)} ± {StatisticsFormat.Number(sd, d)} [{StatisticsFormat.Number(ci.Lower, d)}, {StatisticsFormat.Number(ci.Upper, d)}]{undefined}";
    }
}
