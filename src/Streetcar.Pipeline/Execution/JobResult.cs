namespace Streetcar.Pipeline.Execution;

/// <summary>The outcome of one job, as the executor saw it.</summary>
/// <param name="Id">The job's <see cref="JobSpec.Id"/>.</param>
/// <param name="State">How it ended.</param>
/// <param name="Error">Why it failed (one line), or null.</param>
/// <param name="ExitCode">
/// The documented exit code of its failure (<see cref="Core.Errors.ExitCodes"/>: a config error 3, a pipeline error
/// 2, …) or null when it succeeded or never ran.
/// </param>
/// <param name="Final">
/// True when the failure is a property of the inputs (a pipeline error: the same inputs fail the same way), false when
/// a rerun may succeed (I/O, killed, time limit): decides whether the next run retries it.
/// </param>
/// <param name="Elapsed">Wall time of the job itself (zero when it never ran).</param>
/// <param name="Where">Where it ran, for the ledger: "thread", "pid 1234", "slurm 5678_3 on node1".</param>
public sealed record JobResult(string Id, JobState State, string? Error, int? ExitCode, bool Final, TimeSpan Elapsed, string Where);
