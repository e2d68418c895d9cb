using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Ledger;

/// <summary>One job of a run as it ended.</summary>
/// <param name="Id">Its job id.</param>
/// <param name="Stage">Its stage's registered name.</param>
/// <param name="Key">The entry it built.</param>
/// <param name="Label">What it did.</param>
/// <param name="DependsOn">The jobs it waited for.</param>
/// <param name="State">How it ended.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Seconds">Its own wall time.</param>
/// <param name="Where">Where it ran ("thread", "pid 1234").</param>
public sealed record LedgerJob(string Id, string Stage, string Key, string Label, IReadOnlyList<string> DependsOn, JobState State, string? Error, double Seconds, string Where)
{
    public static LedgerJob Of(JobSpec job, JobResult result) =>
        new(job.Id, job.Stage, job.Key, job.Label, job.DependsOn, result.State, result.Error, Math.Round(result.Elapsed.TotalSeconds, 2), result.Where);
}
