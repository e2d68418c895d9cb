namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// One array task as <c>squeue</c> or <c>scontrol show job</c> reports it.
/// </summary>
/// <param name="Id">Its id, <c>ARRAYJOB_TASK</c> (e.g. <c>5678_3</c>).</param>
/// <param name="State">Slurm's state: PENDING, RUNNING, COMPLETED, FAILED, TIMEOUT, CANCELLED, NODE_FAIL, OUT_OF_MEMORY, …</param>
/// <param name="Reason">Why it is in that state (<c>Dependency</c>, <c>DependencyNeverSatisfied</c>, <c>NonZeroExitCode</c>, …).</param>
/// <param name="ExitCode">Its <c>ExitCode=</c> (<c>status:signal</c>), or empty when unknown.</param>
/// <param name="RunTime">Its run time as Slurm prints it (<c>00:01:02</c>), or empty.</param>
/// <param name="TimeLimit">Its time limit as Slurm prints it (<c>00:01:00</c>, <c>UNLIMITED</c>), or empty.</param>
/// <param name="Node">The node it ran on, or empty.</param>
public sealed record SlurmTask(string Id, string State, string Reason, string ExitCode = "", string RunTime = "", string TimeLimit = "", string Node = "")
{
    /// <summary>True while Slurm still holds it (pending, running, completing, suspended).</summary>
    public bool Active => State is "PENDING" or "CONFIGURING" or "RUNNING" or "COMPLETING" or "SUSPENDED" or "REQUEUED" or "REQUEUE_HOLD" or "RESIZING" or "SIGNALING" or "STAGE_OUT" or "STOPPED" or "RESV_DEL_HOLD" or "REQUEUE_FED";
}
