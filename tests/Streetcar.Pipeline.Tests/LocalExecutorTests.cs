using System.Text.Json.Nodes;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Planning;

namespace Streetcar.Pipeline.Tests;

public sealed class LocalExecutorTests
{
    private static JobSpec Job(string label, int threads = 1, params string[] after) =>
        new(label, "fake", $"fake/{new string('0', 64)}", new Dictionary<string, string>(), after, threads, label, [label], new JsonObject());

    private static (IReadOnlyList<JobResult> Results, List<JobEvent> Events) Run(IReadOnlyList<JobSpec> jobs, FakeLauncher launcher, int parallelism = 2, CancellationToken cancel = default)
    {
        var events = new List<JobEvent>();
        var results = new LocalExecutor(parallelism).Run(jobs, launcher, Path.GetTempPath(), events.Add, cancel);
        return (results, events);
    }

    [Fact]
    public void GivenAFailedJob_ThenOnlyItsDependentsAreSkipped_AndTheOtherExperimentCompletes()
    {
        var launcher = new FakeLauncher { Failing = { "bad" } };

        var (results, events) = Run([Job("bad"), Job("child", 1, "bad"), Job("good"), Job("grandchild", 1, "child"), Job("after-good", 1, "good")], launcher);

        Assert.Equal([JobState.Failed, JobState.Skipped, JobState.Succeeded, JobState.Skipped, JobState.Succeeded], results.Select(r => r.State));
        Assert.Equal(["after-good", "bad", "good"], launcher.Ran.Order(StringComparer.Ordinal));
        Assert.Equal(5, events.Count(e => e.Kind == JobEventKind.Finished));
        Assert.Contains(events, e => e.Kind == JobEventKind.Progress && e.Detail == "good: working");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void GivenNSlots_ThenNeverMoreThanNRunAtOnce_AndDependenciesFinishFirst(int parallelism)
    {
        var launcher = new FakeLauncher();
        var roots = Enumerable.Range(0, 4).Select(i => Job($"root{i}")).ToArray();
        var leaves = roots.Select((r, i) => Job($"leaf{i}", 1, r.Id)).ToArray();

        var (results, events) = Run([.. roots, .. leaves], launcher, parallelism);

        Assert.All(results, r => Assert.Equal(JobState.Succeeded, r.State));
        Assert.InRange(launcher.Peak, 1, parallelism);
        var finished = events.Where(e => e.Kind == JobEventKind.Finished).Select(e => e.Job.Id).ToList();
        var started = events.Where(e => e.Kind == JobEventKind.Started).Select(e => e.Job.Id).ToList();
        Assert.All(leaves, leaf => Assert.True(finished.IndexOf(leaf.DependsOn[0]) < finished.IndexOf(leaf.Id)));
        Assert.All(leaves, leaf => Assert.True(events.FindIndex(e => e.Kind == JobEventKind.Finished && e.Job.Id == leaf.DependsOn[0])
            < events.FindIndex(e => e.Kind == JobEventKind.Started && e.Job.Id == leaf.Id)));
        Assert.Equal(8, started.Count);
    }

    [Fact]
    public void GivenJobsOfDifferentThreadCounts_ThenTheyNeverRunSideBySide()
    {
        var launcher = new FakeLauncher();

        var (_, events) = Run([Job("one", 1), Job("two", 2), Job("one-again", 1)], launcher, parallelism: 3);

        var running = new HashSet<string>();
        foreach (var e in events)
        {
            if (e.Kind == JobEventKind.Started)
            {
                Assert.All(running, r => Assert.Equal(e.Job.Threads, events.First(x => x.Job.Id == r).Job.Threads));
                running.Add(e.Job.Id);
            }
            else if (e.Kind == JobEventKind.Finished)
            {
                running.Remove(e.Job.Id);
            }
        }
    }

    [Fact]
    public void GivenADataError_ThenNothingNewStarts_AndTheRestIsCancelled()
    {
        var launcher = new FakeLauncher { DataErrors = { "bad" } };

        var (results, _) = Run([Job("bad"), Job("later"), Job("last")], launcher, parallelism: 1);

        Assert.Equal([JobState.Failed, JobState.Cancelled, JobState.Cancelled], results.Select(r => r.State));
        Assert.Equal(["bad"], launcher.Ran);
        Assert.True(LocalExecutor.StopsTheRun(results[0]));
    }

    [Fact]
    public void GivenACancelledRun_ThenNoJobStarts()
    {
        var launcher = new FakeLauncher();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var (results, _) = Run([Job("a"), Job("b")], launcher, cancel: cancel.Token);

        Assert.All(results, r => Assert.Equal(JobState.Cancelled, r.State));
        Assert.Empty(launcher.Ran);
    }

    [Theory]
    [InlineData(FailurePolicy.Fail, new int[0], ExitCodes.Success)]
    [InlineData(FailurePolicy.Fail, new[] { ExitCodes.Pipeline }, ExitCodes.Pipeline)]
    [InlineData(FailurePolicy.Fail, new[] { ExitCodes.Config }, ExitCodes.Config)]
    [InlineData(FailurePolicy.Fail, new[] { ExitCodes.Config, ExitCodes.Pipeline }, ExitCodes.Pipeline)]
    [InlineData(FailurePolicy.KeepGoing, new[] { ExitCodes.Config, ExitCodes.Pipeline }, ExitCodes.Success)]
    public void TheFailurePolicy_DecidesTheRunsExitCode(FailurePolicy policy, int[] failures, int expected)
    {
        Assert.Equal(expected, policy.ExitCode(failures));
    }
}
