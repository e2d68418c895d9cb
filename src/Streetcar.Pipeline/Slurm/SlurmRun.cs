using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Slurm;

/// <summary>The state of one <see cref="SlurmExecutor.Run"/>: what was submitted as which task, and the results so far.</summary>
internal sealed class SlurmRun(string name, SubmissionPlan plan, IJobLauncher launcher, string runFolder, Action<JobEvent> progress)
{
    public string Name { get; } = name;

    public SubmissionPlan Plan { get; } = plan;

    public IJobLauncher Launcher { get; } = launcher;

    public string RunFolder { get; } = runFolder;

    public Action<JobEvent> Progress { get; } = progress;

    /// <summary>Slurm job id of each submitted array, by submission index.</summary>
    public List<string> ArrayIds { get; } = [];

    /// <summary>Each submitted array task (<c>ID_k</c>) and its job.</summary>
    public Dictionary<string, JobSpec> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Results by job id.</summary>
    public Dictionary<string, JobResult> Results { get; } = new(StringComparer.Ordinal);

    public void Finish(JobSpec job, JobResult result)
    {
        Results[job.Id] = result;
        Progress(new JobEvent(job, JobEventKind.Finished, result));
    }
}
