using Streetcar.Core.Config;
using Streetcar.Evaluate;

namespace Streetcar.Report.Model;

/// <summary>
/// How the recommendation ranks experiments: by the mean over repeats of the primary metric on validation, never
/// on test (ranking on test and then quoting the winner's test figure flatters it: the winner of a test-set race is
/// partly the luckiest on those rows). Ties go to the first name. Only experiments tested on the book's random
/// split compete: an out-of-time experiment is validated and tested on other rows. The chosen experiment's test
/// figures are reported afterwards, from its serving repeat (<see cref="ServingRule"/>).
/// </summary>
public static class RecommendationRule
{
    /// <summary>
    /// The ranking, best first, and the experiments whose validation value cannot be computed in any repeat (no delay
    /// in validation, or an entry from before validation metrics were recorded), in the order given.
    /// </summary>
    public static (IReadOnlyList<RankedExperiment> Ranked, IReadOnlyList<string> NotComputable) Rank(
        IEnumerable<(string Name, IReadOnlyList<EvaluationResult> Repeats)> experiments, PrimaryMetric metric)
    {
        var ranked = new List<RankedExperiment>();
        var missing = new List<string>();
        foreach (var (name, repeats) in experiments)
        {
            var values = repeats.Select(r => ServingRule.ValidationValue(r, metric)).Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length == 0)
            {
                missing.Add(name);
                continue;
            }
            ranked.Add(new RankedExperiment(name, values.Average(), values.Length));
        }
        return ([.. ranked.OrderByDescending(r => r.ValidMean).ThenBy(r => r.Name, StringComparer.Ordinal)], missing);
    }

    /// <summary>The ranking of the report's experiments (random split, evaluated).</summary>
    public static (IReadOnlyList<RankedExperiment> Ranked, IReadOnlyList<string> NotComputable) Rank(IEnumerable<ExperimentOutcome> experiments, PrimaryMetric metric) =>
        Rank(experiments
            .Where(e => e.Error is null && e.Evaluation is not null && e.TestPeriod is null)
            .Select(e => (e.Name, (IReadOnlyList<EvaluationResult>)(e.Repeats.Count > 0 ? [.. e.Repeats.Select(r => r.Evaluation)] : [e.Evaluation!]))), metric);
}
