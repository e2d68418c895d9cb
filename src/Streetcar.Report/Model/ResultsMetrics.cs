using System.Text.Json.Serialization;
using Streetcar.Evaluate;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Model;

/// <summary>
/// One experiment's entry in results/metrics.json (what `compare` diffs between revisions): the serving repeat's
/// figures at the top level, as before repeats existed, and every repeat's in <see cref="Repeats"/>.
/// </summary>
public sealed record ExperimentMetrics(string Name, string ConfigHash, int EpochsRun, EvaluationResult? Evaluation, string? Error)
{
    /// <summary>The repeat the top-level figures are from.</summary>
    public int ServingRepeat { get; init; } = 1;

    /// <summary>Every repeat's seeds and metrics.</summary>
    public IReadOnlyList<RepeatOutcome> Repeats { get; init; } = [];

    /// <summary>
    /// The test period of an out-of-time split ("from 2019-01-01"); null (and left out of the file) for the random
    /// split, so the lines of random-split experiments read as they always did.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestPeriod { get; init; }

    /// <summary>Mean, sd and confidence interval over the repeats of every metric with a value, in table order.</summary>
    public IReadOnlyList<MetricSummary> Summaries { get; init; } = [];

    /// <summary>
    /// On the recommended experiment only: its gap on test to the runner-up with the paired bootstrap interval over
    /// test rows, the same record the report prints (left out of every other entry).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TestGap? GapToRunnerUp { get; init; }

    /// <summary>Every experiment's entry, the gap on the recommended one's.</summary>
    public static IReadOnlyList<ExperimentMetrics> AllOf(ReportInput input) =>
        [.. input.Experiments.Select(e => From(e) with { GapToRunnerUp = input.Gap is { } g && g.Best == e.Name ? g : null })];

    public static ExperimentMetrics From(ExperimentOutcome e)
    {
        var repeated = ReportStatistics.Repeated(e);
        var summaries = RepeatMetrics.All
            .Select(m => (Metric: m, Summary: repeated.Summary(m)))
            .Where(x => x.Summary is not null)
            .Select(x => MetricSummary.From(x.Metric, x.Summary!))
            .ToList();
        return new(e.Name, e.ConfigHash, e.EpochsRun, e.Evaluation, e.Error)
        {
            ServingRepeat = e.ServingRepeat,
            Repeats = e.Repeats,
            TestPeriod = e.TestPeriod,
            Summaries = summaries,
        };
    }
}
