using MathNet.Numerics.Distributions;

namespace Streetcar.Report.Statistics;

/// <summary>
/// One metric of one experiment over its repeats: the spread the seeds cause. <see cref="Sd"/> and
/// <see cref="Interval"/> are null for a single repeat: one draw says nothing about the spread, and inventing
/// an interval from it would be worse than showing none.
/// </summary>
/// <param name="Values">The defined per-repeat values, in repeat order (what the forest plot draws as dots).</param>
/// <param name="N">Number of defined values.</param>
/// <param name="Undefined">Values left out because they were NaN (e.g. ROC AUC on a test set with one class).</param>
/// <param name="Sd">Sample standard deviation (n − 1 denominator).</param>
/// <param name="Interval">Confidence interval of the mean: for a rate or an AUC the percentile bootstrap over the
/// repeats (<see cref="BootstrapInterval"/>: inside [0, 1] by construction); for a count (epochs run) Student t,
/// mean ± t(1 − α/2, n − 1) · sd / √n.</param>
public sealed record RepeatSummary(
    IReadOnlyList<double> Values,
    int N,
    int Undefined,
    double Mean,
    double? Sd,
    Interval? Interval,
    double Min,
    double Max)
{
    /// <summary>Summarises <paramref name="values"/> (NaNs are counted in <see cref="Undefined"/> and left out).</summary>
    /// <param name="bootstrap">The interval from <see cref="BootstrapInterval"/> (a rate or an AUC) instead of Student t.</param>
    /// <exception cref="ArgumentException">No defined value, or a level outside (0, 1).</exception>
    public static RepeatSummary Of(IEnumerable<double> values, double level = 0.95, bool bootstrap = false)
    {
        Levels.Check(level);
        var all = values.ToList();
        var defined = all.Where(v => !double.IsNaN(v)).ToList();
        if (defined.Count == 0)
        {
            throw new ArgumentException($"no defined value among {all.Count} to summarise", nameof(values));
        }
        var n = defined.Count;
        var mean = defined.Average();
        if (n == 1)
        {
            return new RepeatSummary(defined, 1, all.Count - 1, mean, null, null, mean, mean);
        }
        var sd = Math.Sqrt(defined.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - level) / 2) * sd / Math.Sqrt(n);
        var interval = bootstrap ? BootstrapInterval.OfMean(defined, level) : new Interval(mean - half, mean + half, level);
        return new RepeatSummary(defined, n, all.Count - n, mean, sd, interval, defined.Min(), defined.Max());
    }
}
