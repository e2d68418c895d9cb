using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Ledger;

namespace Streetcar.Pipeline.Tests;

public sealed class RunLedgerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("streetcar-ledger-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static LedgerJob Job(string id, double seconds, params string[] after) =>
        new(id, "fake", $"fake/{id}", id, after, JobState.Succeeded, null, seconds, "thread");

    [Fact]
    public void TheCriticalPath_IsTheLongestChainOfJobTimes()
    {
        // end (3 s) waits for long (10 s) and for short (4 s) → middle (4 s): the chain through long is 13 s.
        var ledger = new RunLedger("local", [], [Job("long", 10), Job("short", 4), Job("middle", 4, "short"), Job("end", 3, "middle", "long")]);

        var (seconds, chain) = ledger.CriticalPath();

        Assert.Equal(13, seconds);
        Assert.Equal(["long", "end"], chain.Select(j => j.Id));
    }

    [Fact]
    public void GivenNoJobs_TheCriticalPathIsEmpty()
    {
        Assert.Equal((0.0, 0), (new RunLedger("local", [], []).CriticalPath().Seconds, new RunLedger("local", [], []).CriticalPath().Chain.Count));
    }

    [Fact]
    public void AWrittenLedger_IsTheLatestOne()
    {
        var runs = Path.Combine(_root, ".runs");
        new RunLedger("local", [], [Job("a", 1)]).Write(Path.Combine(runs, "first"));
        new RunLedger("process", [], [Job("b", 2)]).Write(Path.Combine(runs, "second"));

        var latest = RunLedger.Latest(runs);

        Assert.Equal("process", latest?.Executor);
        Assert.Equal("b", Assert.Single(latest!.Jobs).Id);
        Assert.Null(RunLedger.Latest(Path.Combine(_root, "none")));
    }
}
