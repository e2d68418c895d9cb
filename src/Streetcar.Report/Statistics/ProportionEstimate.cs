using MathNet.Numerics.Distributions;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Report.Statistics;

/// <summary>
/// A proportion measured on one test set (recall = TP / (TP + FN), accuracy = correct / rows) with its Wilson score
/// interval: how much the figure of one fixed model would move if the test rows were drawn again. This is
/// test-set noise, which the repeats' intervals do not contain (every repeat is scored on the same rows).
/// </summary>
/// <param name="Interval">Null when <paramref name="Trials"/> is 0 (no rows, no proportion).</param>
public sealed record ProportionEstimate(long Successes, long Trials, double Proportion, Interval? Interval)
{
    /// <summary>
    /// Wilson (1927) score interval: centre (p̂ + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),
    /// z the normal quantile at 1 − α/2. Unlike p̂ ± z·√(p̂(1 − p̂)/n) it stays inside [0, 1] and does not collapse to
    /// a point at 0 or n successes.
    /// </summary>
    public static ProportionEstimate Wilson(long successes, long trials, double level = 0.95)
    {
        Levels.Check(level);
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentException($"{successes} successes out of {trials} trials is not a proportion");
        }
        if (trials == 0)
        {
            return new ProportionEstimate(0, 0, double.NaN, null);
        }
        double n = trials;
        var p = successes / n;
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 or n successes the exact bound is 0 or 1; the formula leaves a rounding residue (2.8e-17 for 0/10).
        var lower = successes == 0 ? 0 : centre - half;
        var upper = successes == trials ? 1 : centre + half;
        return new ProportionEstimate(successes, trials, p, new Interval(lower, upper, level));
    }

    /// <summary>
    /// Clopper–Pearson (1934) exact interval: the Beta quantiles Beta(k, n − k + 1) at α/2 and Beta(k + 1, n − k) at
    /// 1 − α/2 (0 at k = 0, 1 at k = n). Conservative (covers at least the level), which suits a handful of trials
    /// such as 3 collapsed repeats of 5, where Wilson's normal approximation is rough.
    /// </summary>
    public static ProportionEstimate ClopperPearson(long successes, long trials, double level = 0.95)
    {
        Levels.Check(level);
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentException($"{successes} successes out of {trials} trials is not a proportion");
        }
        if (trials == 0)
        {
            return new ProportionEstimate(0, 0, double.NaN, null);
        }
        var alpha = 1 - level;
        var lower = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2);
        var upper = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - alpha / 2);
        return new ProportionEstimate(successes, trials, (double)successes / trials, new Interval(lower, upper, level));
    }

    /// <summary>Recall of one model on its test set, TP / (TP + FN), with its Wilson interval.</summary>
    public static ProportionEstimate RecallOf(ConfusionMatrix c, double level = 0.95) =>
        Wilson(c.TruePositives, c.TruePositives + c.FalseNegatives, level);

    /// <summary>Accuracy of one model on its test set, correct / rows, with its Wilson interval.</summary>
    public static ProportionEstimate AccuracyOf(ConfusionMatrix c, double level = 0.95) =>
        Wilson(c.TrueNegatives + c.TruePositives, c.Total, level);
}
