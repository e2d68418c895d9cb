using System.Globalization;
using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Cache;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issues 7 and 18: runs on one cache proceed side by side and never build an entry twice (the second waits for the
/// first's entry, then uses it); a holder that is alive makes a run with a short lock wait give up clearly, and
/// once that holder is SIGKILLed its lock no longer stops anyone.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ConcurrentRunTests(ReferenceRun reference)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public void GivenTwoColdRunsStartedTogether_WhenBothFinish_ThenBothSucceedEachTrajectoryTrainedOnceAndTheResultsAreByteIdentical()
    {
        using var workspace = TestWorkspace.Create();
        using var first = CliChild.Start(workspace.PipelineArgs());
        Assert.True(first.WaitForLine("copied", Patience), first.Result().ToString());
        using var second = CliChild.Start(workspace.PipelineArgs());

        var one = first.WaitForExit(Patience);
        var two = second.WaitForExit(Patience);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        AssertTrainedOnce(one.Output + two.Output);
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        Assert.Empty(workspace.WorkFolders());
        Assert.Empty(LockFiles(workspace.Cache));
    }

    [Fact]
    public void GivenTwoCheckoutsSharingOneCacheFolder_WhenRunTogether_ThenEachEntryIsBuiltOnceAndBothGetTheReferenceResults()
    {
        using var left = TestWorkspace.Create();
        using var right = TestWorkspace.Create();
        var shared = left.PathOf("shared-cache");
        Directory.CreateDirectory(shared);
        using var first = CliChild.Start([.. left.PipelineArgs(), "--cache", shared]);
        using var second = CliChild.Start([.. right.PipelineArgs()], new Dictionary<string, string> { ["STREETCAR_CACHE"] = shared });

        var one = first.WaitForExit(Patience);
        var two = second.WaitForExit(Patience);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        AssertTrainedOnce(one.Output + two.Output);
        reference.AssertSameResults(left);
        reference.AssertSameResults(right);
        Assert.False(Directory.Exists(left.Cache), "--cache elsewhere must leave data/cache alone");
        Assert.False(Directory.Exists(right.Cache), "STREETCAR_CACHE elsewhere must leave data/cache alone");
        Assert.Equal(reference.Entries, Entries(shared));
        Assert.Empty(LockFiles(shared));
    }

    [Fact]
    public void GivenAnEntryLockOfALiveProcess_WhenAShortLockWaitRunsOut_ThenTheRunFailsClearly_AndOnceTheHolderIsKilledItRunsAtOnce()
    {
        using var workspace = reference.WarmCopy();
        var evaluation = workspace.EntryFolder("evaluate", "a");
        Directory.Delete(evaluation, recursive: true);
        File.Delete(workspace.Report);
        using var holder = StartSleeper();
        WriteLock(Path.GetDirectoryName(evaluation)!, Path.GetFileName(evaluation), holder.Id);

        using (var child = CliChild.Start(workspace.PipelineArgs(), new Dictionary<string, string> { ["STREETCAR_LOCK_WAIT_SECONDS"] = "1" }))
        {
            var refused = child.WaitForExit(Patience);
            Assert.Equal(2, refused.ExitCode);
            var error = Assert.Single(refused.ErrorLines);
            Assert.Contains($"is being built by pid {holder.Id} on {Environment.MachineName}", error, StringComparison.Ordinal);
            Assert.Contains("gave up after waiting 1 s", error, StringComparison.Ordinal);
            Assert.Contains("is being built by", refused.Output, StringComparison.Ordinal); // told while waiting
        }

        holder.Kill();
        holder.WaitForExit();
        var rerun = workspace.RunPipeline();
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("which is no longer running; taking it over", rerun.Error + rerun.Output, StringComparison.Ordinal);
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        Assert.Empty(LockFiles(workspace.Cache));
    }

    /// <summary>Each trajectory of the slice (a; b's two repeats) was trained by exactly one of the runs.</summary>
    private static void AssertTrainedOnce(string output)
    {
        var lines = output.Split('\n').Where(l => l.Contains(": training up to", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines.Count, lines.Distinct().Count());
        Assert.Single(lines, l => l.Contains("trajectory a:", StringComparison.Ordinal));
    }

    /// <summary>The entries of a cache folder as <see cref="TestWorkspace.CacheEntries"/> lists them.</summary>
    private static string[] Entries(string cache) =>
        Directory.EnumerateDirectories(cache)
            .Where(stage => !Path.GetFileName(stage).StartsWith('.')) // .runs: the runs' ledgers and logs, not entries
            .SelectMany(stage => Directory.EnumerateDirectories(stage)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .Select(d => $"{Path.GetFileName(stage)}/{Path.GetFileName(d)}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string[] LockFiles(string cache) =>
        Directory.EnumerateFiles(cache, EntryLock.Prefix + "*", SearchOption.AllDirectories).ToArray();

    private static System.Diagnostics.Process StartSleeper() => System.Diagnostics.Process.Start("sleep", "120");

    private static void WriteLock(string stageFolder, string hash, int pid)
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        var start = process.StartTime.ToUniversalTime().Ticks;
        File.WriteAllText(EntryLock.PathFor(stageFolder, hash), string.Create(CultureInfo.InvariantCulture,
            $"host {Environment.MachineName}\npid {pid}\nstarted {start}\ntoken test-{pid}\nbeat 000000000000\n"));
    }
}
