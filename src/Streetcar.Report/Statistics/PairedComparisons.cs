namespace Streetcar.Report.Statistics;

/// <summary>
/// Paired comparisons of experiments across repeats. Repeat i of every experiment is scored on the same test rows
/// with paired seeds, so the per-repeat difference removes what the repeats share and leaves what the change did
/// plus seed noise. One call is one family for Holm's correction: the pairs of one metric.
/// </summary>
public static class PairedComparisons
{
    /// <summary>
    /// Compares each pair on <paramref name="metric"/>, pairing repeats by index (a repeat missing or NaN on either
    /// side is left out), and Holm-corrects the paired t p-values across <paramref name="pairs"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A pair names an experiment that is not in <paramref name="experiments"/>.</exception>
    public static IReadOnlyList<PairedComparison> Compare(
        IReadOnlyList<RepeatedExperiment> experiments,
        IReadOnlyList<ExperimentPair> pairs,
        RepeatMetric metric,
        double alpha = 0.05,
        double level = 0.95)
    {
        Levels.Check(level);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "a significance level lies strictly between 0 and 1");
        }
        var byName = experiments.ToDictionary(e => e.Name, StringComparer.Ordinal);
        RepeatedExperiment Find(string name) => byName.TryGetValue(name, out var e)
            ? e
            : throw new ArgumentException($"pair names experiment '{name}', which is not among the {experiments.Count} given", nameof(pairs));

        var tests = pairs.Select(pair =>
        {
            var differences = Differences(Find(pair.Baseline), Find(pair.Candidate), metric);
            return (pair, differences, t: differences.Count > 0 ? PairedTTest.Of(differences, level) : null);
        }).ToList();
        var adjusted = HolmBonferroni.Adjust([.. tests.Select(x => x.t?.P)]);

        var results = new List<PairedComparison>(tests.Count);
        for (var i = 0; i < tests.Count; i++)
        {
            var (pair, differences, t) = tests[i];
            var wilcoxon = differences.Count > 0 ? WilcoxonSignedRank.Exact(differences) : null;
            var significant = adjusted[i] is { } q && q < alpha;
            // A difference of two rates lies in [-1, 1]: its interval is the bootstrap one over the paired repeats, which
            // stays inside [min, max] of the differences (as the summaries' intervals do); the test stays the paired t.
            var interval = t?.Interval is null || !metric.IsRate() ? t?.Interval : BootstrapInterval.OfMean(differences, level);
            var comparison = new PairedComparison(metric, pair, differences.Count, t?.MeanDifference ?? double.NaN, interval,
                t?.P, adjusted[i], wilcoxon, alpha, significant, "");
            results.Add(comparison with { Sentence = PairedSentence.Write(comparison, t) });
        }
        return results;
    }

    /// <summary>
    /// <see cref="Compare"/> for each of <paramref name="metrics"/> in turn (metric by metric, pairs in the order given);
    /// each metric is its own Holm family, so the correction does not cover the number of metrics.
    /// </summary>
    public static IReadOnlyList<PairedComparison> CompareEach(
        IReadOnlyList<RepeatedExperiment> experiments,
        IReadOnlyList<ExperimentPair> pairs,
        IEnumerable<RepeatMetric> metrics,
        double alpha = 0.05,
        double level = 0.95) =>
        [.. metrics.SelectMany(metric => Compare(experiments, pairs, metric, alpha, level))];

    /// <summary>candidate − baseline for every repeat index both have with a defined value, in repeat order.</summary>
    private static List<double> Differences(RepeatedExperiment baseline, RepeatedExperiment candidate, RepeatMetric metric)
    {
        var before = baseline.Repeats.ToDictionary(r => r.Repeat, r => metric.Of(r));
        return [.. candidate.Repeats
            .OrderBy(r => r.Repeat)
            .Where(r => before.TryGetValue(r.Repeat, out var b) && !double.IsNaN(b) && !double.IsNaN(metric.Of(r)))
            .Select(r => metric.Of(r) - before[r.Repeat])];
    }
}
