namespace Streetcar.Pipeline.Execution;

/// <summary>Progress of a run, as executors report it (the CLI's job board prints them).</summary>
/// <param name="Job">The job.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Result">Its outcome, once <see cref="JobEventKind.Finished"/>.</param>
/// <param name="Detail">Free text: "submitted as 5678_3", "epoch 12/30".</param>
public sealed record JobEvent(JobSpec Job, JobEventKind Kind, JobResult? Result = null, string? Detail = null);

/// <summary>The kinds of <see cref="JobEvent"/>.</summary>
public enum JobEventKind
{
    /// <summary>Handed to the cluster (Slurm): queued, not running yet.</summary>
    Submitted,
    Started,

    /// <summary>A line of the job's own progress (epochs), when the executor can see it.</summary>
    Progress,
    Finished,
}
