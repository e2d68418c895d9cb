using Streetcar.Report.Model;

namespace Streetcar.Report.Statistics;

/// <summary>
/// The statistics the report shows, computed once from its input so that the table, the plots, the note and
/// metrics.json agree: every experiment's repeats, the paired comparisons and one model's test-set interval.
/// </summary>
/// <param name="Experiments">Every experiment in report order; a failed one has no repeats.</param>
/// <param name="Comparisons">The pairs compared on every rate and AUC (each metric its own Holm family).</param>
/// <param name="TestSet">The serving repeat's recall, with its Wilson interval, of the experiment with the best mean recall.</param>
/// <param name="TestSetLabel">That model in a few words, for its forest-plot row ("exp5 repeat 3").</param>
public sealed record ReportStatistics(
    IReadOnlyList<RepeatedExperiment> Experiments,
    IReadOnlyList<PairedComparison> Comparisons,
    TestSetInterval? TestSet,
    string? TestSetLabel)
{
    /// <summary>The metrics drawn as forest plots: the rates (epochs run is in the table, not a headline).</summary>
    public static IReadOnlyList<RepeatMetric> ForestMetrics { get; } = [.. RepeatMetrics.All.Where(m => m.IsRate())];

    /// <summary>The metrics tested between experiments: the rates and AUCs, never a design variable such as epochs run.</summary>
    public static IReadOnlyList<RepeatMetric> TestedMetrics => ForestMetrics;

    public static ReportStatistics From(ReportInput input)
    {
        var experiments = input.Experiments.Select(Repeated).ToList();
        var pairs = input.Pairs ?? ExperimentPair.Consecutive([.. input.Experiments.Select(e => e.Name)]);
        var comparisons = PairedComparisons.CompareEach(experiments, pairs, TestedMetrics);
        var (testSet, label) = TestSetOf(input, experiments);
        return new ReportStatistics(experiments, comparisons, testSet, label);
    }

    /// <summary>An experiment's successful repeats; an outcome without a repeat list counts its evaluation as repeat 1.</summary>
    public static RepeatedExperiment Repeated(ExperimentOutcome e)
    {
        if (e.Error is not null || e.Evaluation is null)
        {
            return new RepeatedExperiment(e.Name, []);
        }
        return e.Repeats.Count == 0
            ? new RepeatedExperiment(e.Name, [RepeatScores.From(e.ServingRepeat, e.Evaluation, e.EpochsRun)])
            : new RepeatedExperiment(e.Name, [.. e.Repeats.Select(r => RepeatScores.From(r.Repeat, r.Evaluation, r.EpochsRun))]);
    }

    /// <summary>The rows of <paramref name="metric"/>'s forest plot (experiments with a value; the test-set interval on recall).</summary>
    public IReadOnlyList<Plots.ForestRow> ForestRows(RepeatMetric metric)
    {
        var rows = Experiments
            .Select(e => (e.Name, Summary: e.Summary(metric)))
            .Where(x => x.Summary is not null)
            .Select(x => Plots.ForestRow.FromSummary(x.Name, x.Summary!))
            .ToList();
        if (metric == RepeatMetric.Recall && TestSet is { } testSet && rows.Count > 0)
        {
            rows.Add(Plots.ForestRow.FromProportion($"{TestSetLabel}, test set (Wilson)", testSet.Estimate));
        }
        return rows;
    }

    private static (TestSetInterval?, string?) TestSetOf(ReportInput input, IReadOnlyList<RepeatedExperiment> experiments)
    {
        // Best mean recall, ties to the first in name order: the model a reader is most likely to quote.
        var best = experiments
            .Select((e, i) => (Outcome: input.Experiments[i], Mean: e.Summary(RepeatMetric.Recall)?.Mean))
            .Where(x => x.Mean is not null && x.Outcome.Evaluation is not null)
            .OrderByDescending(x => x.Mean!.Value)
            .Select(x => x.Outcome)
            .FirstOrDefault();
        if (best?.Evaluation is not { } evaluation)
        {
            return (null, null);
        }
        return (new TestSetInterval(
            $"{best.Name}'s recall in its serving repeat ({best.ServingRepeat}; the experiment with the best mean recall)",
            "delays caught",
            ProportionEstimate.RecallOf(evaluation.Test.Confusion)), $"{best.Name} repeat {best.ServingRepeat}");
    }
}
