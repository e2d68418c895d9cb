using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>Issue 7: two runs on one root never interleave; the second waits with a message, or gives up clearly.</summary>
[Collection(SliceCollection.Name)]
public sealed class ConcurrentRunTests(ReferenceRun reference)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public void GivenTwoColdRunsStartedTogether_WhenBothFinish_ThenBothSucceedOneWaitedAndTheResultsAreByteIdentical()
    {
        using var workspace = TestWorkspace.Create();
        using var first = CliChild.Start(workspace.PipelineArgs());
        Assert.True(first.WaitForLine("copied", Patience), first.Result().ToString()); // the first holds the lock
        using var second = CliChild.Start(workspace.PipelineArgs());

        var one = first.WaitForExit(Patience);
        var two = second.WaitForExit(Patience);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.Contains("Another pipeline run", two.Output, StringComparison.Ordinal);
        Assert.Contains("waiting up to", two.Output, StringComparison.Ordinal);
        Assert.Contains("trajectory a: training", one.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("training", two.Output, StringComparison.Ordinal); // it found the first run's entries
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        Assert.Empty(workspace.WorkFolders());
    }

    [Fact]
    public void GivenTheRunLockHeldElsewhere_WhenAShortLockWaitRunsOut_ThenTheRunIsRefusedClearlyAndChangesNothing()
    {
        using var workspace = reference.WarmCopy();
        File.Delete(workspace.Report);
        var entries = workspace.CacheEntries();
        // Hold the lock the way a run does: an exclusive open of data/cache/.lock (flock on Linux).
        using (new FileStream(Path.Combine(workspace.Cache, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            using var child = CliChild.Start(workspace.PipelineArgs(), new Dictionary<string, string> { ["STREETCAR_LOCK_WAIT_SECONDS"] = "1" });
            var refused = child.WaitForExit(Patience);

            Assert.NotEqual(0, refused.ExitCode);
            var error = Assert.Single(refused.ErrorLines);
            Assert.Contains("Another pipeline run", error, StringComparison.Ordinal);
            Assert.Contains("gave up after waiting 1 s", error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(workspace.Report));
        Assert.Equal(entries, workspace.CacheEntries());
    }
}
