namespace Streetcar.Pipeline.Execution;

/// <summary>How a job ended.</summary>
public enum JobState
{
    Succeeded,

    /// <summary>It ran and failed (an error, a non-zero exit, killed, over its time limit).</summary>
    Failed,

    /// <summary>Not run because a job it depends on failed or was skipped (Slurm: cancelled as DependencyNeverSatisfied).</summary>
    Skipped,

    /// <summary>Not run or stopped because the run was cancelled (Ctrl+C, SIGTERM).</summary>
    Cancelled,
}
