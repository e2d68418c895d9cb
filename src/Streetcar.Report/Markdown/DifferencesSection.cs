using System.Text;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The "differences" section: one compact table, a row per compared pair and a column per metric, each cell the mean
/// paired difference, its interval and the Holm-adjusted p (bold when significant).
/// </summary>
public static class DifferencesSection
{
    public static string Render(IReadOnlyList<PairedComparison> comparisons)
    {
        var md = new StringBuilder();
        md.Append("## Differences\n\n");
        if (comparisons.Count == 0)
        {
            md.Append("No pair of experiments was compared.\n\n");
            return md.ToString();
        }
        var alpha = StatisticsFormat.Alpha(comparisons[0].Alpha);
        md.Append("Each cell: candidate − baseline, repeat by repeat (the same repeat of two networks is scored on the same test rows ");
        md.Append("with paired seeds), averaged over the repeats both have; in brackets the 95 % bootstrap interval over those pairs; ");
        md.Append($"then the paired t-test's p, Holm-corrected across the pairs of each metric, **bold** when below {alpha}. ");
        md.Append("Only the rates and AUCs are tested: epochs run is set by the config (or by early stopping on validation), so a ");
        md.Append("test of it says nothing. A gradient-boosting experiment is not paired with a network by repeat number (their ");
        md.Append("seeds have nothing in common); the recommendation compares the two best over test rows instead. With few ");
        md.Append("repeats, a difference marked not significant is not shown to be zero: its interval says how large it could be.\n\n");
        var metrics = comparisons.Select(c => c.Metric).Distinct().ToArray();
        var pairs = comparisons.Select(c => c.Pair).Distinct().ToArray();
        md.Append("| Pair |");
        md.Append(string.Concat(metrics.Select(m => $" {Format.Cell(m.Header())} |")));
        md.Append("\n|---|");
        md.Append(string.Concat(metrics.Select(_ => "---:|")));
        md.Append('\n');
        foreach (var pair in pairs)
        {
            md.Append($"| {Format.Cell($"{pair.Candidate} vs {pair.Baseline}")} |");
            foreach (var metric in metrics)
            {
                var c = comparisons.FirstOrDefault(x => x.Pair == pair && x.Metric == metric);
                md.Append($" {(c is null ? "" : Cell(c))} |");
            }
            md.Append('\n');
        }
        md.Append('\n');
        return md.ToString();
    }

    /// <summary>"+0.0131 [-0.0232, 0.0493] p 0.67", "**+0.6016 [...] p 0.013**", "+0.0100 (1 pair)", "not compared".</summary>
    public static string Cell(PairedComparison c)
    {
        var d = c.Metric.Decimals();
        if (c.Repeats == 0)
        {
            return "not compared";
        }
        var difference = StatisticsFormat.Signed(c.MeanDifference, d);
        if (c.Interval is not { } ci || c.AdjustedP is not { } p)
        {
            return $"{difference} ({c.Repeats} pair)";
        }
        var text = $"{difference} [{StatisticsFormat.Number(ci.Lower, d)}, {StatisticsFormat.Number(ci.Upper, d)}] p {StatisticsFormat.P(p, c.Alpha)}";
        return c.Significant ? $"**{text}**" : text;
    }
}
