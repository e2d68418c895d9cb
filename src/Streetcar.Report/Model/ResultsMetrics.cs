using Streetcar.Evaluate;

namespace Streetcar.Report.Model;

/// <summary>One experiment's line in results/metrics.json (what `compare` diffs between revisions).</summary>
public sealed record ExperimentMetrics(string Name, string ConfigHash, int EpochsRun, EvaluationResult? Evaluation, string? Error)
{
    public static ExperimentMetrics From(ExperimentOutcome e) => new(e.Name, e.ConfigHash, e.EpochsRun, e.Evaluation, e.Error);
}
