namespace Streetcar.Pipeline.Slurm;

/// <summary>One dependency of an <see cref="ArraySubmission"/> on an earlier one.</summary>
/// <param name="Upstream">The index of the earlier submission in <see cref="SubmissionPlan.Submissions"/>.</param>
/// <param name="Kind">Whole array, task by task, or named tasks.</param>
/// <param name="TaskIndexes">The upstream tasks waited for, when <see cref="DependencyKind.Tasks"/>; else empty.</param>
public sealed record ArrayDependency(int Upstream, DependencyKind Kind, IReadOnlyList<int> TaskIndexes)
{
    /// <summary>The <c>--dependency</c> term, given the upstream's Slurm job id.</summary>
    public string ToSlurm(string upstreamJobId) => Kind switch
    {
        DependencyKind.Whole => $"afterok:{upstreamJobId}",
        DependencyKind.Corresponding => $"aftercorr:{upstreamJobId}",
        _ => "afterok:" + string.Join(':', TaskIndexes.Select(k => $"{upstreamJobId}_{k}")),
    };
}
