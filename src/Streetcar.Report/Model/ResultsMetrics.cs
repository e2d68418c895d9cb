using System.Text.Json.Serialization;
using Streetcar.Evaluate;

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

    public static ExperimentMetrics From(ExperimentOutcome e) =>
        new(e.Name, e.ConfigHash, e.EpochsRun, e.Evaluation, e.Error) { ServingRepeat = e.ServingRepeat, Repeats = e.Repeats, TestPeriod = e.TestPeriod };
}
