namespace Streetcar.Pipeline.Execution;

/// <summary>
/// <c>--executor local</c>, the default: the jobs run on up to N threads of this process, each through
/// <see cref="IJobLauncher.RunInProcess"/> (the code path `streetcar exec` runs too), on the shared schedule
/// (<see cref="JobQueue"/>). libtorch's thread count is process-wide, so only jobs of equal thread counts run side
/// by side here (the process executor lifts that rule).
/// </summary>
public sealed class LocalExecutor(int parallelism) : IJobExecutor
{
    public const string ExecutorName = "local";

    public string Name => ExecutorName;

    public IReadOnlyList<JobResult> Run(IReadOnlyList<JobSpec> jobs, IJobLauncher launcher, string runFolder, Action<JobEvent> progress, CancellationToken cancel) =>
        JobQueue.Run(jobs, parallelism, (job, running) => running.All(r => r.Threads == job.Threads),
            (job, report) => launcher.RunInProcess(job, line => report(new JobEvent(job, JobEventKind.Progress, Detail: line)), cancel), progress, cancel);

    /// <summary>A cancelled job or bad raw data: every job is concerned, so nothing new starts.</summary>
    public static bool StopsTheRun(JobResult result) => JobQueue.StopsTheRun(result);
}
