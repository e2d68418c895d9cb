using System.Diagnostics;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Slurm;
using Xunit.Abstractions;
using static Streetcar.Pipeline.Tests.Slurm.ShellJobLauncher;

namespace Streetcar.Pipeline.Tests.Slurm;

/// <summary>The Slurm executor on a real one-node cluster, with fake jobs that are small shell scripts.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmExecutorTests(SlurmCluster cluster, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _root = new("streetcar-slurm-run-");
    private readonly ShellJobLauncher _launcher = new();
    private readonly List<JobEvent> _events = [];

    private string RunFolder => _root.Sub("run");

    [Fact]
    public void Pipeline_RunsEveryJob_AfterItsDependencies_InOneArrayPerStage()
    {
        var jobs = SubmissionPlanTests.Pipeline(["a", "b", "c"], (stage, experiment) => $"echo {stage} {experiment}; sleep 1");
        var executor = Open();

        var results = Run(executor, jobs);

        Assert.All(results, r => Assert.Equal(JobState.Succeeded, r.State));
        Assert.All(results, r => Assert.StartsWith("slurm ", r.Where));
        var gaps = new List<double>();
        foreach (var job in jobs)
        {
            var (_, _, start, _) = _launcher.Times(job, RunFolder)!.Value;
            foreach (var upstream in job.DependsOn.Select(id => jobs.Single(j => j.Id == id)))
            {
                var (_, _, _, end) = _launcher.Times(upstream, RunFolder)!.Value;
                Assert.True(start >= end, $"{job.Id} started {end - start:0.00} s before {upstream.Id} ended");
                gaps.Add(start - end);
            }
        }
        Assert.Equal("trajectory b\n", File.ReadAllText(_launcher.LogPath(jobs.Single(j => j.Id == "trajectory-b"), RunFolder)));
        var stats = executor.LastRun!;
        Assert.Equal((4, 3), (stats.Submissions, stats.Hops));
        Assert.Equal(8, _events.Count(e => e.Kind == JobEventKind.Submitted));
        Assert.Contains(_events, e => e.Kind == JobEventKind.Submitted && e.Detail!.StartsWith("submitted as ", StringComparison.Ordinal));
        output.WriteLine($"{jobs.Count} jobs (1 s each, longest chain 4): wall {stats.Wall.TotalSeconds:0.0} s, {stats.Submissions} sbatch in {stats.SubmitTime.TotalMilliseconds:0} ms, " +
            $"{stats.Hops} hops, {stats.Polls} polls; dependency hop (end → dependent's start) mean {gaps.Average():0.00} s, max {gaps.Max():0.00} s; load {Load()}");
    }

    [Fact]
    public void FailingJob_CancelsOnlyItsOwnDependents_WhileTheOtherExperimentsComplete()
    {
        var jobs = SubmissionPlanTests.Pipeline(["a", "b", "c"], (stage, experiment) => stage == "trajectory" && experiment == "b" ? "exit 3" : "true");

        var results = Run(Open(), jobs).ToDictionary(r => r.Id);

        Assert.Equal(JobState.Failed, results["trajectory-b"].State);
        Assert.Equal("script exited 3", results["trajectory-b"].Error);
        Assert.Equal(JobState.Skipped, results["evaluate-b"].State);
        Assert.Equal(JobState.Skipped, results["report-all"].State);
        Assert.Null(_launcher.Times(jobs.Single(j => j.Id == "evaluate-b"), RunFolder));
        foreach (var id in new[] { "prepare-all", "trajectory-a", "trajectory-c", "evaluate-a", "evaluate-c" })
        {
            Assert.Equal(JobState.Succeeded, results[id].State);
        }
    }

    [Fact]
    public void JobKilledBeforeItLeftAnOutcome_FailsWithSlurmsState_AndMayBeRetried()
    {
        // The script kills its own wrapper: no outcome file, so the result comes from Slurm (FAILED).
        var jobs = new List<JobSpec> { Job("train-a", "kill -9 $$"), Job("evaluate-a", "true", "train-a"), Job("train-b", "true") };

        var results = Run(Open(), jobs).ToDictionary(r => r.Id);

        Assert.Equal(JobState.Failed, results["train-a"].State);
        Assert.Contains("left no outcome", results["train-a"].Error);
        Assert.False(results["train-a"].Final);
        Assert.Equal(JobState.Skipped, results["evaluate-a"].State);
        Assert.Equal(JobState.Succeeded, results["train-b"].State);
    }

    [Fact]
    public void Cancellation_ScancelsEveryJobOfTheRun_AndReportsThemCancelled()
    {
        var jobs = new List<JobSpec> { Job("train-a", "sleep 120"), Job("train-b", "sleep 120"), Job("evaluate-a", "true", "train-a") };
        using var cancel = new CancellationTokenSource();
        var executor = Open();
        var clock = Stopwatch.StartNew();

        var results = executor.Run(jobs, _launcher, RunFolder, e =>
        {
            if (e.Kind == JobEventKind.Started)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        Assert.All(results, r => Assert.Equal(JobState.Cancelled, r.State));
        Assert.Equal("", cluster.Command("squeue", "--noheader", $"--name={SlurmExecutor.RunName(RunFolder)}").Trim());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        output.WriteLine($"cancelled and queue empty after {clock.Elapsed.TotalSeconds:0.0} s; load {Load()}");
    }

    [Fact]
    public void CpusPerTask_AreTheJobsThreads_CappedByMaxCpusPerTask()
    {
        var jobs = new List<JobSpec> { Job("train-a", "true") with { Threads = 2 }, Job("train-b", "true") with { Threads = 8 } };
        var executor = SlurmExecutor.Open(_root.Path, new SlurmOptions(PollSeconds: 1, MaxCpusPerTask: 2), Tools());

        var results = Run(executor, jobs);

        Assert.All(results, r => Assert.Equal(JobState.Succeeded, r.State));
        // Two thread counts, two arrays; Slurm keeps finished jobs for MinJobAge (300 s), so scontrol still shows them.
        var tasks = _events.Where(e => e.Kind == JobEventKind.Submitted).Select(e => e.Detail!["submitted as ".Length..]).ToArray();
        Assert.Equal(2, tasks.Length);
        Assert.All(tasks, task => Assert.Contains("CPUs/Task=2 ", cluster.Command("scontrol", "--oneliner", "show", "job", task), StringComparison.Ordinal));
    }

    public void Dispose() => _root.Dispose();

    private SlurmExecutor Open() => SlurmExecutor.Open(_root.Path, new SlurmOptions(Partition: SlurmCluster.Partition, PollSeconds: 1), Tools());

    private SlurmTools Tools() => new(Environment.GetEnvironmentVariable("PATH") ?? "", cluster.Environment);

    private IReadOnlyList<JobResult> Run(SlurmExecutor executor, IReadOnlyList<JobSpec> jobs)
    {
        var results = executor.Run(jobs, _launcher, RunFolder, e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        }, CancellationToken.None);
        Assert.Equal(jobs.Select(j => j.Id), results.Select(r => r.Id));
        return results;
    }

    internal static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
