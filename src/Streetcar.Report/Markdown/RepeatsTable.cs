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
        md.Append($"({Format.Count(BootstrapInterval.Resamples)} resamples, seed {BootstrapInterval.Seed}), which stays inside [0, 1]; for epochs run, Student t. ");
        md.Append("With few repeats the bootstrap is narrower than a t interval would be (it under-covers at small n): read it as the ");
        md.Append("spread of plausible means, not as an exact 95 %. \"Collapsed\": repeats whose kept model is degenerate by the collapse ");
        md.Append($"rule (validation ROC AUC below 0.55, or one predicted class for at least 99.9 % of validation rows), with the {Levels.Percent(level)} ");
        md.Append("Clopper–Pearson interval of the collapse rate. Where some repeats collapsed, a mean mixes two kinds of model that ");
        md.Append("exist and describes neither: the cell adds the working repeats' median [min, max].\n\n");
        md.Append("| Experiment | Repeats | Collapsed |");
        foreach (var metric in RepeatMetrics.All)
        {
            md.Append($" {Format.Cell(metric.Header())} |");
        }
        md.Append("\n|---|---:|---:|");
        md.Append(string.Concat(RepeatMetrics.All.Select(_ => "---:|")));
        md.Append('\n');
        foreach (var e in experiments)
        {
            md.Append($"| {Format.Cell(e.Name)} | {e.Repeats.Count} | {(e.Repeats.Count == 0 ? "failed" : CollapsedCell(e, level))} |");
            foreach (var metric in RepeatMetrics.All)
            {
                md.Append($" {(e.Repeats.Count == 0 ? "failed" : Cell(e.Summary(metric, level), metric) + WorkingClause(e, metric))} |");
            }
            md.Append('\n');
        }
        md.Append('\n');
        return md.ToString();
    }

    /// <summary>"3/5 [0.1466, 0.9473]": collapsed repeats of all, with the Clopper–Pearson interval of the rate.</summary>
    public static string CollapsedCell(RepeatedExperiment e, double level = 0.95)
    {
        var estimate = ProportionEstimate.ClopperPearson(e.CollapsedCount, e.Repeats.Count, level);
        return estimate.Interval is { } ci
            ? $"{e.CollapsedCount}/{e.Repeats.Count} [{StatisticsFormat.Number(ci.Lower, 2)}, {StatisticsFormat.Number(ci.Upper, 2)}]"
            : $"{e.CollapsedCount}/{e.Repeats.Count}";
    }

    /// <summary>"; working 0.8150 [0.8100, 0.8200]" when some but not all repeats collapsed; "; all collapsed" when all did.</summary>
    private static string WorkingClause(RepeatedExperiment e, RepeatMetric metric)
    {
        if (e.CollapsedCount == 0)
        {
            return "";
        }
        if (e.Working(metric) is not { } w)
        {
            return e.CollapsedCount == e.Repeats.Count ? "; all collapsed" : "";
        }
        var d = metric.Decimals();
        return $"; working {StatisticsFormat.Number(w.Median, d)} [{StatisticsFormat.Number(w.Min, d)}, {StatisticsFormat.Number(w.Max, d)}]";
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
