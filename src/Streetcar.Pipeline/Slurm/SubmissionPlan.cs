using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// The jobs of a run as Slurm job arrays: one array per stage, wave and thread count, each with the dependencies
/// that make it wait for exactly the jobs its tasks need. A pure function of the jobs, tested without Slurm.
/// </summary>
/// <remarks>
/// Why this shape. Each dependency hop costs a scheduler cycle (~3 s here, more on a busy cluster), so jobs are put
/// in waves by their dependency depth and a job waits only for its own inputs: the number of hops of a run is its
/// longest chain of jobs (<see cref="Hops"/>), never the number of submissions. Slurm's <c>afterok:ID</c> on an
/// array waits for the whole array, so one failed task would cancel every dependent, other experiments' included.
/// To keep a failure inside its experiment, each upstream array is waited for in the narrowest way that is exact:
/// <list type="bullet">
/// <item><c>afterok:ID</c> when every task needs every task of that array (prepare → all trajectories);</item>
/// <item><c>aftercorr:ID</c> when task k needs task k only (train repeat k → evaluate repeat k): a failed task
/// cancels only its own counterpart;</item>
/// <item>otherwise the wave's jobs are split into one array per distinct set of upstream tasks, each waiting for
/// those named tasks (<c>afterok:ID_3:ID_5</c>): more <c>sbatch</c> calls in the same wave, no more hops.</item>
/// </list>
/// With <c>--kill-on-invalid-dep=yes</c> a task whose dependency can no longer be met is cancelled at once
/// (DependencyNeverSatisfied), which the executor reports as Skipped.
/// </remarks>
public sealed class SubmissionPlan
{
    private SubmissionPlan(IReadOnlyList<ArraySubmission> submissions) => Submissions = submissions;

    /// <summary>The arrays in submission order: every upstream comes before its dependents.</summary>
    public IReadOnlyList<ArraySubmission> Submissions { get; }

    /// <summary>Dependency hops: the deepest wave, i.e. the longest chain of jobs minus one (0 for independent jobs).</summary>
    public int Hops => Submissions.Count == 0 ? 0 : Submissions.Max(s => s.Wave);

    /// <summary>Plans <paramref name="jobs"/> (dependencies first, ids unique, dependencies naming jobs of the list).</summary>
    /// <exception cref="ArgumentException">A duplicate id, or a dependency not earlier in the list.</exception>
    public static SubmissionPlan Of(IReadOnlyList<JobSpec> jobs)
    {
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (waves.ContainsKey(job.Id))
            {
                throw new ArgumentException($"job id '{job.Id}' is given twice", nameof(jobs));
            }
            var depth = 0;
            foreach (var upstream in job.DependsOn)
            {
                depth = Math.Max(depth, 1 + (waves.TryGetValue(upstream, out var wave)
                    ? wave
                    : throw new ArgumentException($"job '{job.Id}' depends on '{upstream}', which is not before it in the list", nameof(jobs))));
            }
            waves[job.Id] = depth;
        }

        var submissions = new List<ArraySubmission>();
        var placed = new Dictionary<string, (int Submission, int Task)>(StringComparer.Ordinal);
        var groups = jobs
            .Select((job, order) => (job, order))
            .GroupBy(x => (Wave: waves[x.job.Id], x.job.Stage, x.job.Threads))
            .OrderBy(g => g.Key.Wave)
            .ThenBy(g => g.Min(x => x.order))
            .Select(g => (g.Key, Members: g.Select(x => x.job).ToList()));
        foreach (var (key, members) in groups)
        {
            IEnumerable<(List<JobSpec> Tasks, List<ArrayDependency> Dependencies)> parts = AsOneArray(members, placed, submissions) is { } whole
                ? [whole]
                : members.GroupBy(m => Signature(m, placed)).Select(part => (part.ToList(), NamedTasks(part.First(), placed, submissions)));
            foreach (var (tasks, dependencies) in parts)
            {
                var submission = new ArraySubmission(submissions.Count, key.Stage, key.Wave, key.Threads, tasks, dependencies);
                for (var k = 0; k < tasks.Count; k++)
                {
                    placed[tasks[k].Id] = (submission.Index, k);
                }
                submissions.Add(submission);
            }
        }
        return new SubmissionPlan(submissions);
    }

    /// <summary>
    /// The wave's jobs as one array, ordered so that <c>aftercorr</c> pairs task k with upstream task k, or null
    /// when some upstream array is needed neither whole by all nor one task each.
    /// </summary>
    private static (List<JobSpec>, List<ArrayDependency>)? AsOneArray(
        List<JobSpec> members, Dictionary<string, (int Submission, int Task)> placed, List<ArraySubmission> submissions)
    {
        var dependencies = new List<ArrayDependency>();
        List<JobSpec>? order = null;
        var upstreams = members.SelectMany(m => m.DependsOn).Select(d => placed[d].Submission).Distinct().Order();
        foreach (var upstream in upstreams)
        {
            var size = submissions[upstream].Tasks.Count;
            var needed = members
                .Select(m => m.DependsOn.Select(d => placed[d]).Where(p => p.Submission == upstream).Select(p => p.Task).ToHashSet())
                .ToList();
            if (needed.All(tasks => tasks.Count == size))
            {
                dependencies.Add(new ArrayDependency(upstream, DependencyKind.Whole, []));
            }
            else if (size == members.Count && needed.All(tasks => tasks.Count == 1) && needed.Select(t => t.Single()).Distinct().Count() == size)
            {
                var paired = members.Zip(needed, (m, t) => (m, Task: t.Single())).OrderBy(x => x.Task).Select(x => x.m).ToList();
                if (order is not null && !order.SequenceEqual(paired))
                {
                    return null; // two upstreams pair the tasks differently
                }
                order = paired;
                dependencies.Add(new ArrayDependency(upstream, DependencyKind.Corresponding, []));
            }
            else
            {
                return null;
            }
        }
        return (order ?? members, dependencies);
    }

    /// <summary>The dependencies of jobs that all need exactly the upstream tasks of <paramref name="job"/>.</summary>
    private static List<ArrayDependency> NamedTasks(JobSpec job, Dictionary<string, (int Submission, int Task)> placed, List<ArraySubmission> submissions) =>
        [.. job.DependsOn.Select(d => placed[d])
            .GroupBy(p => p.Submission)
            .OrderBy(g => g.Key)
            .Select(g => g.Count() == submissions[g.Key].Tasks.Count
                ? new ArrayDependency(g.Key, DependencyKind.Whole, [])
                : new ArrayDependency(g.Key, DependencyKind.Tasks, [.. g.Select(p => p.Task).Distinct().Order()]))];

    private static string Signature(JobSpec job, Dictionary<string, (int Submission, int Task)> placed) =>
        string.Join(',', job.DependsOn.Select(d => placed[d]).Distinct().Order().Select(p => $"{p.Submission}_{p.Task}"));
}
