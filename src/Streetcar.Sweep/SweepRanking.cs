using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Streetcar.Core.Config;

namespace Streetcar.Sweep;

/// <summary>Ranks points by their validation figures over repeats (<see cref="SelectionRule"/>): best first.</summary>
public static class SweepRanking
{
    /// <summary>
    /// Ranks <paramref name="points"/> (name → the selection metric of each repeat, on validation). A point with no
    /// finite figure ranks last. Ties go to the name in ordinal order.
    /// </summary>
    public static IReadOnlyList<RankedPoint> Rank(IReadOnlyDictionary<string, IReadOnlyList<double>> points, SelectionRule rule)
    {
        var scored = points.Select(p => Score(p.Key, p.Value, rule)).ToList();
        var better = rule.Mode == MonitorMode.Max ? -1 : 1;
        var ordered = scored
            .OrderBy(p => double.IsFinite(p.Score) ? 0 : 1)
            .ThenBy(p => double.IsFinite(p.Score) ? better * p.Score : 0)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return ordered.Select((p, i) => p with { Rank = i + 1 }).ToArray();
    }

    private static RankedPoint Score(string name, IReadOnlyList<double> values, SelectionRule rule)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return new RankedPoint(name, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        var mean = finite.Mean();
        var (low, high) = (double.NaN, double.NaN);
        if (finite.Length >= 2)
        {
            var half = StudentT.InvCDF(0, 1, finite.Length - 1, 0.975) * finite.StandardDeviation() / Math.Sqrt(finite.Length);
            (low, high) = (mean - half, mean + half);
        }
        var score = rule.By == SelectionStatistic.Mean ? mean : rule.Mode == MonitorMode.Max ? low : high;
        return new RankedPoint(name, mean, low, high, score, 0);
    }
}
