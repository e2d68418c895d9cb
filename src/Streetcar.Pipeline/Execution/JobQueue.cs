namespace Streetcar.Pipeline.Execution;

/// <summary>
/// The schedule the local and process executors share: up to N jobs at once, a job starting once every job it
/// depends on succeeded (in the order given, which decides only what starts first: every job's output is a
/// function of its inputs), a failed job's dependents skipped while the others go on, and nothing new started once
/// the run is cancelled or a job's result concerns every job (<see cref="StopsTheRun"/>); what never started is
/// reported cancelled.
/// </summary>
internal static class JobQueue
{
    /// <param name="canRunBeside">Whether a job may start while the given jobs run (the local executor's thread-count rule).</param>
    /// <param name="start">Runs one job on the calling thread and returns its outcome (never throws).</param>
    public static IReadOnlyList<JobResult> Run(IReadOnlyList<JobSpec> jobs, int parallelism, Func<JobSpec, IReadOnlyCollection<JobSpec>, bool> canRunBeside,
        Func<JobSpec, Action<JobEvent>, JobResult> start, Action<JobEvent> progress, CancellationToken cancel)
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
        void Finish(JobSpec job, JobResult result)
        {
            results[job.Id] = result;
            Report(new JobEvent(job, JobEventKind.Finished, result));
        }
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
                if (running.Count >= parallelism || !canRunBeside(job, running.Select(r => r.Job).ToArray()))
                {
                    break;
                }
                pending.Remove(job);
                Report(new JobEvent(job, JobEventKind.Started));
                var started = job;
                running.Add((Task.Factory.StartNew(() => start(started, Report), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default), job));
            }
            if (running.Count == 0)
            {
                break;
            }
            var done = running[Task.WaitAny(running.Select(r => r.Task).ToArray())];
            running.Remove(done);
            Finish(done.Job, done.Task.Result);
            stop |= StopsTheRun(done.Task.Result);
        }
        foreach (var job in pending)
        {
            Finish(job, new JobResult(job.Id, JobState.Cancelled, "cancelled", null, false, TimeSpan.Zero, "-"));
        }
        return jobs.Select(j => results[j.Id]).ToArray();
    }

    /// <summary>A cancelled job or bad raw data: every job is concerned, so nothing new starts.</summary>
    public static bool StopsTheRun(JobResult result) => result.State == JobState.Cancelled || result.ExitCode == Core.Errors.ExitCodes.Data;
}
