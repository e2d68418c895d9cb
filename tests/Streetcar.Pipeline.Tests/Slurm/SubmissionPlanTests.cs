using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Slurm;
using static Streetcar.Pipeline.Tests.Slurm.ShellJobLauncher;

namespace Streetcar.Pipeline.Tests.Slurm;

public sealed class SubmissionPlanTests
{
    [Fact]
    public void PipelineShape_IsOneArrayPerStage_AndHopsAreTheLongestChain()
    {
        // prepare → one trajectory per experiment → evaluate each → report over all: 4 arrays, 3 hops.
        var jobs = Pipeline(["a", "b", "c"]);

        var plan = SubmissionPlan.Of(jobs);

        Assert.Equal(["prepare", "trajectory", "evaluate", "report"], plan.Submissions.Select(s => s.Stage));
        Assert.Equal([1, 3, 3, 1], plan.Submissions.Select(s => s.Tasks.Count));
        Assert.Equal(3, plan.Hops);
        Assert.Equal([DependencyKind.Whole], plan.Submissions[1].Dependencies.Select(d => d.Kind));
        // evaluate k waits for trajectory k only: a failed trajectory cancels its own evaluation, no other.
        Assert.Equal([DependencyKind.Corresponding], plan.Submissions[2].Dependencies.Select(d => d.Kind));
        Assert.Equal("aftercorr:11", plan.Submissions[2].DependencyArgument(["10", "11", "12"]));
        Assert.Equal("afterok:12", plan.Submissions[3].DependencyArgument(["10", "11", "12"]));
    }

    [Fact]
    public void CorrespondingTasks_AreOrderedLikeTheirUpstream()
    {
        var jobs = new List<JobSpec>
        {
            Job("train-a", "true"), Job("train-b", "true"),
            Job("evaluate-b", "true", "train-b"), Job("evaluate-a", "true", "train-a"),
        };

        var evaluate = SubmissionPlan.Of(jobs).Submissions[1];

        Assert.Equal(["evaluate-a", "evaluate-b"], evaluate.Tasks.Select(t => t.Id));
        Assert.Equal(DependencyKind.Corresponding, evaluate.Dependencies.Single().Kind);
    }

    [Fact]
    public void UnevenDependencies_SplitTheWave_IntoArraysWaitingForNamedTasks_WithoutMoreHops()
    {
        // Three repeats of a and one of b train on their experiment's trajectory: neither whole nor one-to-one.
        var jobs = new List<JobSpec>
        {
            Job("trajectory-a", "true"), Job("trajectory-b", "true"),
            Job("train-a1", "true", "trajectory-a"), Job("train-a2", "true", "trajectory-a"), Job("train-b1", "true", "trajectory-b"),
        };

        var plan = SubmissionPlan.Of(jobs);

        Assert.Equal(1, plan.Hops);
        Assert.Equal(3, plan.Submissions.Count);
        Assert.Equal(["train-a1", "train-a2"], plan.Submissions[1].Tasks.Select(t => t.Id));
        Assert.Equal("afterok:7_0", plan.Submissions[1].DependencyArgument(["7"]));
        Assert.Equal("afterok:7_1", plan.Submissions[2].DependencyArgument(["7"]));
    }

    [Fact]
    public void IndependentJobs_AreOneArray_WithNoDependency()
    {
        var plan = SubmissionPlan.Of([Job("train-a", "true"), Job("train-b", "true"), Job("train-c", "true")]);

        Assert.Single(plan.Submissions);
        Assert.Equal(0, plan.Hops);
        Assert.Null(plan.Submissions[0].DependencyArgument([]));
    }

    [Fact]
    public void DependencyNotEarlierInTheList_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => SubmissionPlan.Of([Job("evaluate-a", "true", "train-a"), Job("train-a", "true")]));

        Assert.Contains("'train-a', which is not before it", error.Message);
    }

    /// <summary>prepare → trajectory per experiment → evaluate per experiment → one report.</summary>
    internal static List<JobSpec> Pipeline(IReadOnlyList<string> experiments, Func<string, string, string>? script = null)
    {
        script ??= (_, _) => "true";
        var jobs = new List<JobSpec> { Job("prepare-all", script("prepare", "all")) };
        jobs.AddRange(experiments.Select(e => Job($"trajectory-{e}", script("trajectory", e), "prepare-all")));
        jobs.AddRange(experiments.Select(e => Job($"evaluate-{e}", script("evaluate", e), $"trajectory-{e}")));
        jobs.Add(Job("report-all", script("report", "all"), [.. experiments.Select(e => $"evaluate-{e}")]));
        return jobs;
    }
}
