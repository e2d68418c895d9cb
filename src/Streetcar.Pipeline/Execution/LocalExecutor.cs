using Streetcar.Core.Errors;

namespace Streetcar.Pipeline.Execution;

/// <summary>
/// <c>--executor local</c>: the jobs run on up to N threads of this process, each through
/// <see cref="IJobLauncher.RunInProcess"/> (the code path `streetcar exec` runs too). A job starts once every job it
/// depends on succeeded, in the order given; a failed job's dependents are skipped and the others go on. A data
/// error (the shared raw data is bad) or a cancellation concerns every job: nothing new starts (the rest are
/// reported cancelled) and the running jobs finish. libtorch's thread count is process-wide, so only jobs of equal
/// thread counts run side by side here (the process executor lifts that rule).
/// </summary>
public sealed class LocalExecutor(int parallelism) : IJobExecutor
{
    public const string ExecutorName = "local";

    public string Name => ExecutorName;

    public IReadOnlyList<JobResult> Run(IReadOnlyList<JobSpec> jobs, IJobLauncher launcher, string runFolder, Action<JobEvent> progress, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var gate = new Lock();
        void Report(JobEvent e)
        {
            lock (gate)
            {
                progress(e);
            }
        }
        var results = new Dictionary<string, JobResult>(StringComparer.Ordinal);
        var pending = new List<JobSpec>(jobs);
        var running = new List<(Task<JobResult> Task, JobSpec Job)>();
        var stop = false;
        while (true)
        {
            foreach (var job in pending.Where(j => j.DependsOn.Any(d => results.TryGetValue(d, out var r) && r.State != JobState.Succeeded)).ToList())
            {
                pending.Remove(job);
                Finish(job, new JobResult(job.Id, JobState.Skipped, "a job it needs failed", null, false, TimeSpan.Zero, "-"));
            }
            stop |= cancel.IsCancellationRequested;
            foreach (var job in stop ? [] : pending.Where(j => j.DependsOn.All(d => results.TryGetValue(d, out var r) && r.State == JobState.Succeeded)).ToList())
            {
                if (running.Count >= parallelism || running.Any(r => r.Job.Threads != job.Threads))
                {
                    break;
                }
                pending.Remove(job);
                Report(new JobEvent(job, JobEventKind.Started));
                var started = job;
                running.Add((Task.Factory.StartNew(() => launcher.RunInProcess(started, line => Report(new JobEvent(started, JobEventKind.Progress, Detail: line)), cancel),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default), job));
            }
            if (running.Count == 0)
            {
                break;
            }
            var done = running[Task.WaitAny(running.Select(r => r.Task).ToArray())];
            running.Remove(done);
            var result = done.Task.Result;
            Finish(done.Job, result);
            stop |= StopsTheRun(result);
        }
        foreach (var job in pending)
        {
            Finish(job, new JobResult(job.Id, JobState.Cancelled, "cancelled", null, false, TimeSpan.Zero, "-"));
        }
        return jobs.Select(j => results[j.Id]).ToArray();

        void Finish(JobSpec job, JobResult result)
        {
            results[job.Id] = result;
            Report(new JobEvent(job, JobEventKind.Finished, result));
        }
    }

    /// <summary>A cancelled job or bad raw data: every job is concerned, so nothing new starts.</summary>
    public static bool StopsTheRun(JobResult result) => result.State == JobState.Cancelled || result.ExitCode == ExitCodes.Data;
}
