using System.Runtime.ExceptionServices;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Runs a graph of <see cref="Job"/>s on up to N threads: a job starts once every job it depends on has succeeded,
/// in the order given (which decides only what starts first: every job's output is a function of its inputs, so
/// results do not depend on the schedule). A failed job skips its dependents and leaves the others running
/// (keep-going). A <see cref="DataException"/> (the shared raw data is bad) or a cancellation concerns every job:
/// nothing new starts, the running jobs finish, and it is rethrown.
/// </summary>
public static class JobScheduler
{
    public static void Run(IReadOnlyList<Job> jobs, int parallelism, Action<Job>? started = null, Action<Job>? finished = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var pending = new List<Job>(jobs);
        var running = new List<(Task Task, Job Job)>();
        Exception? stop = null;
        while (true)
        {
            foreach (var job in pending.Where(j => j.DependsOn.Any(d => d.Status is JobStatus.Failed or JobStatus.Skipped)).ToList())
            {
                pending.Remove(job);
                job.Status = JobStatus.Skipped;
                finished?.Invoke(job);
            }
            foreach (var job in stop is null ? pending.Where(j => j.DependsOn.All(d => d.Status == JobStatus.Succeeded)).ToList() : [])
            {
                // libtorch's thread count is process-wide: jobs pinning different counts never overlap.
                if (running.Count >= parallelism || running.Any(r => r.Job.Threads != job.Threads))
                {
                    break;
                }
                pending.Remove(job);
                job.Status = JobStatus.Running;
                started?.Invoke(job);
                running.Add((Task.Factory.StartNew(job.Execute, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default), job));
            }
            if (running.Count == 0)
            {
                break;
            }
            var done = running[Task.WaitAny(running.Select(r => r.Task).ToArray())];
            running.Remove(done);
            finished?.Invoke(done.Job);
            if (done.Job.Error is DataException or OperationCanceledException)
            {
                stop ??= done.Job.Error;
            }
        }
        if (stop is not null)
        {
            ExceptionDispatchInfo.Throw(stop);
        }
    }
}
