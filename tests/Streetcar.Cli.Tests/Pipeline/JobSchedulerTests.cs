using Streetcar.Cli.Pipeline;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Pipeline;

public sealed class JobSchedulerTests
{
    [Fact]
    public void GivenAFailedJob_WhenScheduled_ThenItsDependentsAreSkippedAndTheOthersRun()
    {
        var ran = new List<string>();
        Job Make(string name, int threads = 1, params Job[] after) =>
            new(name, [name], threads, () => { lock (ran) { ran.Add(name); } if (name == "bad") { throw new PipelineException("broken"); } }, after);
        var bad = Make("bad");
        var child = Make("child", 1, bad);
        var good = Make("good");
        var grandchild = Make("grandchild", 1, child);

        JobScheduler.Run([bad, child, good, grandchild], parallelism: 2);

        Assert.Equal(JobStatus.Failed, bad.Status);
        Assert.Equal("broken", bad.Error?.Message);
        Assert.Equal(JobStatus.Skipped, child.Status);
        Assert.Equal(JobStatus.Skipped, grandchild.Status);
        Assert.Equal(JobStatus.Succeeded, good.Status);
        Assert.Equal(["bad", "good"], ran.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void GivenNJobs_WhenScheduled_ThenNeverMoreThanNRunAtOnceAndDependenciesComeFirst(int parallelism)
    {
        var running = 0;
        var peak = 0;
        var finished = new List<string>();
        Job Make(string name, params Job[] after) => new(name, [name], 1, () =>
        {
            var now = Interlocked.Increment(ref running);
            lock (finished)
            {
                peak = Math.Max(peak, now);
            }
            Thread.Sleep(30);
            Interlocked.Decrement(ref running);
            lock (finished)
            {
                Assert.All(after, a => Assert.Contains(a.Label, finished));
                finished.Add(name);
            }
        }, after);
        var roots = Enumerable.Range(0, 4).Select(i => Make($"root{i}")).ToArray();
        var leaves = roots.Select((r, i) => Make($"leaf{i}", r)).ToArray();

        JobScheduler.Run([.. roots, .. leaves], parallelism);

        Assert.All(roots.Concat(leaves), j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.InRange(peak, 1, parallelism);
        if (parallelism > 1)
        {
            Assert.True(peak > 1, "independent jobs should overlap");
        }
    }

    [Fact]
    public void GivenJobsPinningDifferentThreadCounts_WhenScheduled_ThenTheyNeverOverlap()
    {
        var active = new List<int>();
        var overlapped = false;
        Job Make(string name, int threads) => new(name, [name], threads, () =>
        {
            lock (active)
            {
                overlapped |= active.Any(t => t != threads);
                active.Add(threads);
            }
            Thread.Sleep(30);
            lock (active)
            {
                active.Remove(threads);
            }
        }, []);

        JobScheduler.Run([Make("a", 1), Make("b", 2), Make("c", 1), Make("d", 2)], parallelism: 4);

        Assert.False(overlapped);
    }

    [Fact]
    public void GivenADataError_WhenScheduled_ThenNothingNewStartsAndItIsRethrown()
    {
        var later = new Job("later", ["later"], 1, () => { }, []);
        var data = new Job("data", ["data"], 1, () => throw new DataException("the workbook is gone"), []);

        Assert.Throws<DataException>(() => JobScheduler.Run([data, later], parallelism: 1));
        Assert.Equal(JobStatus.Pending, later.Status);
    }
}
