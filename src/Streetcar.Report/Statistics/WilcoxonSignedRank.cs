namespace Streetcar.Report.Statistics;

/// <summary>
/// Exact Wilcoxon signed-rank test on paired differences, a check on the t-test that assumes no normality.
/// Zero differences are dropped (Wilcoxon's original rule, as R's <c>wilcox.test</c> does; Pratt's variant is not
/// used); tied absolute differences get their average rank, and the null distribution is enumerated over all
/// 2^n sign patterns of those same ranks, so the p-value is exact even with ties (conditional on the ranks).
/// </summary>
/// <param name="N">Non-zero differences the test used.</param>
/// <param name="Zeros">Differences dropped because they were 0.</param>
/// <param name="WPlus">Sum of the ranks of the positive differences (R's V).</param>
/// <param name="P">Two-sided exact p: the share of sign patterns whose W+ lies at least as far from its mean n(n+1)/4
/// as the observed one. 1 when no difference is non-zero; null when <see cref="N"/> exceeds
/// <see cref="MaxExactN"/>.</param>
/// <param name="SmallestP">The smallest two-sided p any data could give with this many non-zero differences,
/// 2 / 2^n (e.g. 0.0625 for n = 5: with five repeats this test can never reach 0.05).</param>
public sealed record WilcoxonSignedRank(int N, int Zeros, double WPlus, double? P, double SmallestP)
{
    /// <summary>Largest n enumerated (2^20 ≈ 10^6 patterns); more repeats than this are out of scope here.</summary>
    public const int MaxExactN = 20;

    public static WilcoxonSignedRank Exact(IReadOnlyList<double> differences)
    {
        if (differences.Any(double.IsNaN))
        {
            throw new ArgumentException("a signed-rank test needs differences without NaN", nameof(differences));
        }
        var nonZero = differences.Where(d => d != 0).ToArray();
        var n = nonZero.Length;
        var zeros = differences.Count - n;
        if (n == 0)
        {
            return new WilcoxonSignedRank(0, zeros, 0, 1, 1);
        }
        var doubledRanks = DoubledMidranks(nonZero);
        long observed = 0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
            {
                observed += doubledRanks[i];
            }
        }
        var smallest = Math.Min(1, 2 / Math.Pow(2, n));
        if (n > MaxExactN)
        {
            return new WilcoxonSignedRank(n, zeros, observed / 2.0, null, smallest);
        }
        // Work in doubled ranks (integers; midranks are multiples of ½) so "at least as extreme" has no rounding.
        long total = doubledRanks.Sum();
        var observedDistance = Math.Abs(2 * observed - total);
        long extreme = 0;
        var patterns = 1L << n;
        for (long mask = 0; mask < patterns; mask++)
        {
            long sum = 0;
            for (var i = 0; i < n; i++)
            {
                if ((mask & (1L << i)) != 0)
                {
                    sum += doubledRanks[i];
                }
            }
            if (Math.Abs(2 * sum - total) >= observedDistance)
            {
                extreme++;
            }
        }
        return new WilcoxonSignedRank(n, zeros, observed / 2.0, (double)extreme / patterns, smallest);
    }

    /// <summary>Twice the average rank of each |d| (ranks 1..n, ties share the mean of their ranks).</summary>
    private static long[] DoubledMidranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => Math.Abs(values[i])).ToArray();
        var ranks = new long[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && Math.Abs(values[order[end + 1]]) == Math.Abs(values[order[start]]))
            {
                end++;
            }
            // Ranks start+1 .. end+1 averaged, doubled: (start + 1) + (end + 1).
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = start + end + 2;
            }
            start = end + 1;
        }
        return ranks;
    }
}
