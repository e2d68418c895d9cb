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
