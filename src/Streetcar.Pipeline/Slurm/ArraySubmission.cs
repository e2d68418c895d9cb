using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Slurm;

/// <summary>One <c>sbatch --array=0-N</c>: jobs of one stage, wave and thread count; task k runs <c>Tasks[k]</c>.</summary>
/// <param name="Index">Its place in <see cref="SubmissionPlan.Submissions"/> (submission order).</param>
/// <param name="Stage">The stage of all its jobs.</param>
/// <param name="Wave">Its dependency depth: 0 for jobs that wait for nothing, else one more than its deepest upstream.</param>
/// <param name="Threads">The threads of each of its jobs (<c>--cpus-per-task</c>).</param>
/// <param name="Tasks">Its jobs, by task index.</param>
/// <param name="Dependencies">What it waits for; empty in wave 0.</param>
public sealed record ArraySubmission(int Index, string Stage, int Wave, int Threads, IReadOnlyList<JobSpec> Tasks, IReadOnlyList<ArrayDependency> Dependencies)
{
    /// <summary>The <c>--dependency</c> value (terms joined by ',': all must hold), or null when it waits for nothing.</summary>
    public string? DependencyArgument(IReadOnlyList<string> submittedIds) =>
        Dependencies.Count == 0 ? null : string.Join(',', Dependencies.Select(d => d.ToSlurm(submittedIds[d.Upstream])));
}
