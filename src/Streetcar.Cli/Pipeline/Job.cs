using System.Diagnostics;

namespace Streetcar.Cli.Pipeline;

/// <summary>Where a <see cref="Job"/> stands.</summary>
public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,

    /// <summary>Not run because a job it depends on failed or was skipped.</summary>
    Skipped,
}

/// <summary>
/// One unit of work of a pipeline run (one trajectory, one model folder, one evaluation) for
/// <see cref="JobScheduler"/>: what it is for, what it waits for, and how many libtorch threads it uses.
/// </summary>
/// <param name="label">What it does, for progress and errors ("trajectory exp0, exp1, exp2").</param>
/// <param name="experiments">The experiments whose results depend on it (a failure is recorded for each).</param>
/// <param name="threads">libtorch intra-op threads it pins (process-wide, so only equal counts run side by side).</param>
/// <param name="work">The work; a <see cref="Core.Errors.PipelineException"/> is a failure of these experiments.</param>
/// <param name="dependsOn">Jobs that must succeed first.</param>
public sealed class Job(string label, IReadOnlyList<string> experiments, int threads, Action work, IReadOnlyList<Job> dependsOn)
{
    public string Label { get; } = label;

    public IReadOnlyList<string> Experiments { get; } = experiments;

    public int Threads { get; } = threads;

    public IReadOnlyList<Job> DependsOn { get; } = dependsOn;

    public JobStatus Status { get; internal set; } = JobStatus.Pending;

    /// <summary>Why it failed, or null.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Wall time of the work, once run.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Runs the work on the calling thread; never throws (the error is kept in <see cref="Error"/>).</summary>
    internal void Execute()
    {
        var watch = Stopwatch.StartNew();
        try
        {
            work();
            Status = JobStatus.Succeeded;
        }
        catch (Exception e)
        {
            Error = e;
            Status = JobStatus.Failed;
        }
        Elapsed = watch.Elapsed;
    }

    public override string ToString() => Label;
}
