using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

/// <summary>
/// A producer killed mid-write leaves a <c>.tmp-&lt;key&gt;-&lt;pid&gt;-&lt;n&gt;</c> folder and no entry. These tests
/// stage exactly that: with the id of a dead process, and with a real child (bash) that owns the folder, is
/// SIGKILLed, and whose folder is then swept. Re-launching the test host to run the real producer was judged
/// impractical; what matters to the next run is the state on disk, which is reproduced exactly.
/// </summary>
public sealed class StaleWorkFolderTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly List<string> _warnings = [];
    private readonly StageCache _cache;
    private readonly CacheKey _key = CacheFixtures.Key();

    public StaleWorkFolderTests() => _cache = new StageCache(_root.Path, _warnings.Add);

    public void Dispose() => _root.Dispose();

    private string StageFolder => Path.Combine(_root.Path, "train");

    [Fact]
    public void HalfWrittenTempOfDeadProcess_SweptAndEntryBuilt()
    {
        var pid = ChildProcess.DeadProcessId();
        var temp = HalfWrittenTemp(".tmp-", pid);
        var trash = HalfWrittenTemp(".trash-", pid);

        var entry = _cache.GetOrCreate(_key, CacheFixtures.Info(), CacheFixtures.Produce);

        Assert.Equal(CacheOutcome.Built, entry.Outcome);
        Assert.False(Directory.Exists(temp));
        Assert.False(Directory.Exists(trash));
        Assert.Equal(2, _warnings.Count);
        Assert.All(_warnings, w => Assert.Contains($"process {pid}, which no longer holds its lock", w, StringComparison.Ordinal));
        Assert.Equal([_key.Hash], Directory.EnumerateFileSystemEntries(StageFolder).Select(Path.GetFileName));
    }

    [Fact]
    public void TempOfLiveProcess_KeptUntilOwnerIsKilled()
    {
        Directory.CreateDirectory(StageFolder);
        var name = $".tmp-{_key.Hash}-$$-0";
        using var child = ChildProcess.StartAndWaitFor("ready",
            $"mkdir \"$1/{name}\" && printf partial > \"$1/{name}/metrics.json\" && echo ready && exec sleep 60", StageFolder);
        var temp = Path.Combine(StageFolder, name.Replace("$$", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.True(Directory.Exists(temp));
        LockFiles.HeldByProcess(StageFolder, _key.Hash, child.Id); // a writer holds its key's lock
        var cache = new StageCache(_root.Path, _warnings.Add) { LockWait = TimeSpan.FromSeconds(0.5), OnWaiting = _ => { } };

        Assert.Throws<Streetcar.Core.Errors.CacheBusyException>(() => cache.GetOrCreate(_key, CacheFixtures.Info(), CacheFixtures.Produce));
        Assert.True(Directory.Exists(temp), "a live writer's folder must not be swept");
        Assert.Empty(_warnings);

        child.KillHard();
        Assert.Equal(1, cache.SweepStale());
        Assert.False(Directory.Exists(temp));
        Assert.Contains("no longer holds its lock", Assert.Single(_warnings), StringComparison.Ordinal);
        cache.GetOrCreate(_key, CacheFixtures.Info(), CacheFixtures.Produce);
        Assert.True(cache.TryOpen(_key, out _));
    }

    [Fact]
    public void TempOfLiveProcessThatHoldsNoLock_Swept()
    {
        // Its id was reused by an unrelated process: the folder's maker held the key's lock while it wrote, and
        // no one holds that lock now.
        using var child = ChildProcess.StartAndWaitFor("ready", "echo ready && exec sleep 60");
        var temp = HalfWrittenTemp(".tmp-", child.Id);

        Assert.Equal(1, _cache.SweepStale());

        Assert.False(Directory.Exists(temp));
        Assert.Contains($"process {child.Id}, which no longer holds its lock", Assert.Single(_warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void TempWithOwnPidNotInUse_Swept()
    {
        var temp = HalfWrittenTemp(".tmp-", Environment.ProcessId, n: 999_999_999);
        Assert.Equal(1, _cache.SweepStale());
        Assert.False(Directory.Exists(temp));
    }

    [Fact]
    public void UnrelatedDotFolders_Untouched()
    {
        var other = Directory.CreateDirectory(Path.Combine(StageFolder, ".keep")).FullName;
        Assert.Equal(0, _cache.SweepStale());
        Assert.True(Directory.Exists(other));
    }

    private string HalfWrittenTemp(string prefix, int pid, long n = 0)
    {
        var temp = Path.Combine(StageFolder, $"{prefix}{_key.Hash}-{pid}-{n}");
        Directory.CreateDirectory(Path.Combine(temp, "model"));
        File.WriteAllText(Path.Combine(temp, "metrics.json"), "{\"lo");
        File.WriteAllText(Path.Combine(temp, CacheManifest.FileName), "{");
        return temp;
    }
}
