using System.Text.Json.Serialization;
using Streetcar.Evaluate;

namespace Streetcar.Report.Model;

/// <summary>One experiment's line in results/metrics.json (what `compare` diffs between revisions).</summary>
public sealed record ExperimentMetrics(string Name, string ConfigHash, int EpochsRun, EvaluationResult? Evaluation, string? Error)
{
    /// <summary>
    /// The test period of an out-of-time split ("from 2019-01-01"); null (and left out of the file) for the random
    /// split, so the lines of random-split experiments read as they always did.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestPeriod { get; init; }

    public static ExperimentMetrics From(ExperimentOutcome e) =>
        new(e.Name, e.ConfigHash, e.EpochsRun, e.Evaluation, e.Error) { TestPeriod = e.TestPeriod };
}
