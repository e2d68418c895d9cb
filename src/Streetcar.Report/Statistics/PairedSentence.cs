namespace Streetcar.Report.Statistics;

/// <summary>The quotable sentence of a <see cref="PairedComparison"/>; it states the verdict and everything behind it.</summary>
internal static class PairedSentence
{
    public static string Write(PairedComparison c, PairedTTest? t)
    {
        var head = $"{c.Pair.Candidate} vs {c.Pair.Baseline}: {c.Metric.Label()}";
        var decimals = c.Metric.Decimals();
        if (t is null)
        {
            return $"{head}: no repeat of both experiments succeeded, so they are not compared.";
        }
        var difference = StatisticsFormat.Signed(c.MeanDifference, decimals);
        if (t.P is null || c.AdjustedP is null || c.Interval is null)
        {
            return $"{head} differs by {difference} in the one repeat both have; one pair gives no interval and no test.";
        }
        var verdict = $"{(c.Significant ? "significant" : "not significant")} at {StatisticsFormat.Alpha(c.Alpha)}";
        if (t.Sd == 0)
        {
            // No spread: t is 0/0 or ±∞, so say what happened instead of quoting a zero-width interval.
            return c.MeanDifference == 0
                ? $"{head} is identical in all {c.Repeats} repeats, so there is no difference to test ({verdict})."
                : $"{head} differs by exactly {difference} in every one of the {c.Repeats} repeats (no spread, so t is infinite); "
                    + $"Holm-adjusted p {StatisticsFormat.PEquals(c.AdjustedP.Value, c.Alpha)}: {verdict} over {c.Repeats} repeats.";
        }
        var kind = c.Metric.IsRate() ? "bootstrap interval" : "CI";
        return $"{head} differs by {difference} ({Levels.Percent(c.Interval.Level)} {kind} {StatisticsFormat.Number(c.Interval.Lower, decimals)} to "
            + $"{StatisticsFormat.Number(c.Interval.Upper, decimals)}); paired t p {StatisticsFormat.PEquals(c.P!.Value, c.Alpha)}, Holm-adjusted "
            + $"{StatisticsFormat.P(c.AdjustedP.Value, c.Alpha)}: {verdict} over {c.Repeats} repeats{WilcoxonClause(c)}.";
    }

    /// <summary>The signed-rank check, and a warning when too few pairs make 0.05 unreachable for it.</summary>
    private static string WilcoxonClause(PairedComparison c)
    {
        if (c.Wilcoxon is not { P: { } p } w)
        {
            return "";
        }
        var floor = w.SmallestP >= c.Alpha
            ? $", which cannot go below {StatisticsFormat.P(w.SmallestP, c.Alpha)} with {w.N} non-zero differences"
            : "";
        return $" (exact Wilcoxon signed-rank p = {StatisticsFormat.P(p, c.Alpha)}{floor})";
    }
}
