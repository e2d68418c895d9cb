namespace Streetcar.Pipeline.Execution;

/// <summary>
/// Where and when the jobs of a run execute: threads of this process (<c>local</c>), child processes
/// (<c>process</c>), or a Slurm cluster (<c>slurm</c>). Every executor gives the same results: a job is a function of
/// its inputs, so only the schedule differs.
/// </summary>
public interface IJobExecutor
{
    /// <summary>Its name for <c>--executor</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Runs <paramref name="jobs"/> (in the engine's order, dependencies first). A job starts once every job it
    /// depends on succeeded; a failed job's dependents are <see cref="JobState.Skipped"/> and the other jobs go on.
    /// Returns one result per job, in the order given. Cancellation stops what is running and queued and reports
    /// them <see cref="JobState.Cancelled"/>; the caller then exits 130/143.
    /// </summary>
    /// <param name="jobs">The jobs; dependencies refer to ids in this list.</param>
    /// <param name="launcher">How to run one job (in process, or its command line).</param>
    /// <param name="runFolder">This run's folder for job files, outcomes and logs (under the cache: shared by the nodes).</param>
    /// <param name="progress">Receives every <see cref="JobEvent"/>; called from any thread, one call at a time.</param>
    /// <param name="cancel">The run's signal token.</param>
    IReadOnlyList<JobResult> Run(IReadOnlyList<JobSpec> jobs, IJobLauncher launcher, string runFolder, Action<JobEvent> progress, CancellationToken cancel);
}
