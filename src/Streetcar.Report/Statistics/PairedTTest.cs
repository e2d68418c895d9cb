using MathNet.Numerics.Distributions;

namespace Streetcar.Report.Statistics;

/// <summary>
/// Student's paired t-test on differences d = candidate − baseline (one per repeat): t = mean(d) / (sd(d) / √n),
/// n − 1 degrees of freedom, two-sided p. <see cref="P"/>, <see cref="Sd"/> and <see cref="Interval"/> are null
/// for fewer than two pairs: there is no spread to test against.
/// </summary>
/// <param name="N">Number of pairs.</param>
/// <param name="MeanDifference">mean(d).</param>
/// <param name="Sd">Sample standard deviation of d.</param>
/// <param name="T">The t statistic; ±∞ when every difference is the same non-zero value (sd = 0).</param>
/// <param name="P">Two-sided p. When sd = 0 the limits are used: 1 if every difference is 0 (nothing differs), 0 if every
/// difference is the same non-zero value (every repeat moved by exactly the same amount).</param>
/// <param name="Interval">Confidence interval of mean(d): mean ± t(1 − α/2, n − 1) · sd / √n.</param>
public sealed record PairedTTest(int N, double MeanDifference, double? Sd, double? T, double? P, Interval? Interval)
{
    /// <summary>Tests <paramref name="differences"/> (no NaN) against a mean of 0.</summary>
    public static PairedTTest Of(IReadOnlyList<double> differences, double level = 0.95)
    {
        Levels.Check(level);
        if (differences.Count == 0 || differences.Any(double.IsNaN))
        {
            throw new ArgumentException("a paired t-test needs at least one difference and no NaN", nameof(differences));
        }
        var n = differences.Count;
        var mean = differences.Average();
        if (n == 1)
        {
            return new PairedTTest(1, mean, null, null, null, null);
        }
        var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - level) / 2) * sd / Math.Sqrt(n);
        var interval = new Interval(mean - half, mean + half, level);
        if (sd == 0)
        {
            return mean == 0
                ? new PairedTTest(n, 0, 0, 0, 1, interval)
                : new PairedTTest(n, mean, 0, mean > 0 ? double.PositiveInfinity : double.NegativeInfinity, 0, interval);
        }
        var t = mean / (sd / Math.Sqrt(n));
        // 2 · F(−|t|) rather than 2 · (1 − F(|t|)): no cancellation when p is tiny.
        var p = Math.Min(1, 2 * StudentT.CDF(0, 1, n - 1, -Math.Abs(t)));
        return new PairedTTest(n, mean, sd, t, p, interval);
    }
}
