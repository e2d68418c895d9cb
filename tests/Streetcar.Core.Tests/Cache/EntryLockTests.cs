using Streetcar.Core.Cache;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Tests.Cache;

/// <summary>
/// Per-entry locking: runs sharing a cache proceed side by side, an entry is never built twice at once, and a dead
/// holder's lock expires (this host: its process is gone; another host: its heartbeat stopped).
/// </summary>
public sealed class EntryLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempFolder _root = new();
    private readonly List<string> _warnings = [];
    private readonly CacheKey _key = CacheFixtures.Key();

    public void Dispose() => _root.Dispose();

    private string StageFolder => Path.Combine(_root.Path, "train");

    private StageCache Cache(TimeSpan? wait = null, TimeSpan? expiry = null, Action<string>? onWaiting = null) =>
        new(_root.Path, w => { lock (_warnings) { _warnings.Add(w); } })
        {
            LockWait = wait,
            LockExpiry = expiry ?? EntryLock.DefaultExpiry,
            OnWaiting = onWaiting ?? (_ => { }),
        };

    [Fact]
    public void LockEntry_NamesItsHolder_AndReleasingDeletesTheFile()
    {
        var cache = Cache();
        string path;
        using (var held = cache.LockEntry("train", _key.Hash))
        {
            path = held.Path;
            var text = File.ReadAllText(path);
            Assert.Contains($"host {Environment.MachineName}\n", text, StringComparison.Ordinal);
            Assert.Contains($"pid {Environment.ProcessId}\n", text, StringComparison.Ordinal);
            Assert.Contains("beat 000000000000\n", text, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void LockEntry_TwiceOnOneThread_IsABugNotADeadlock()
    {
        var cache = Cache();
        using var held = cache.LockEntry("train", _key.Hash);
        Assert.Throws<InvalidOperationException>(() => cache.LockEntry("train", _key.Hash));
    }

    [Fact]
    public void GetOrCreate_EntryOfALiveHolder_WaitsForIt_WhileDisjointEntriesProceedAtOnce()
    {
        using var child = ChildProcess.StartAndWaitFor("ready", "echo ready && exec sleep 60");
        LockFiles.HeldByProcess(StageFolder, _key.Hash, child.Id);
        var cache = Cache(wait: TimeSpan.FromSeconds(1));

        var other = cache.GetOrCreate(CacheFixtures.Key(seed: 43), CacheFixtures.Info(), CacheFixtures.Produce);
        Assert.Equal(CacheOutcome.Built, other.Outcome);
        var error = Assert.Throws<CacheBusyException>(() => cache.GetOrCreate(_key, CacheFixtures.Info(), _ => Assert.Fail("built while another holds the lock")));
        Assert.Contains($"is being built by pid {child.Id} on {Environment.MachineName}", error.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after waiting 1 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Waiter_TakesOverTheLock_TheMomentItsHolderIsSigkilled()
    {
        using var child = ChildProcess.StartAndWaitFor("ready", "echo ready && exec sleep 60");
        LockFiles.HeldByProcess(StageFolder, _key.Hash, child.Id);
        var leftover = Directory.CreateDirectory(Path.Combine(StageFolder, $".tmp-{_key.Hash}-{child.Id}-1")).FullName;
        using var waiting = new ManualResetEventSlim();
        var cache = Cache(onWaiting: _ => waiting.Set());

        var build = Task.Run(() => cache.GetOrCreate(_key, CacheFixtures.Info(), CacheFixtures.Produce));
        Assert.True(waiting.Wait(Patience), "the waiter should say that it waits");
        Assert.True(Directory.Exists(leftover), "a live holder's work folder must not be swept");
        Assert.False(build.IsCompleted);
        child.KillHard();

        var entry = await build.WaitAsync(Patience);
        Assert.Equal(CacheOutcome.Built, entry.Outcome);
        Assert.False(Directory.Exists(leftover), "the dead holder's work folder is swept once its lock is taken over");
        Assert.Contains(_warnings, w => w.Contains($"pid {child.Id} on {Environment.MachineName}, which is no longer running; taking it over", StringComparison.Ordinal));
        Assert.Equal([_key.Hash], Directory.EnumerateFileSystemEntries(StageFolder).Select(Path.GetFileName));
    }

    [Fact]
    public void LockOfAReusedProcessId_IsNotAHolder()
    {
        // A live process whose start time is not the holder's: the holder died and its id went to someone else.
        using var child = ChildProcess.StartAndWaitFor("ready", "echo ready && exec sleep 60");
        LockFiles.HeldByProcess(StageFolder, _key.Hash, child.Id, startTicks: 1);

        var entry = Cache(wait: TimeSpan.Zero).GetOrCreate(_key, CacheFixtures.Info(), CacheFixtures.Produce);

        Assert.Equal(CacheOutcome.Built, entry.Outcome);
        Assert.Contains(_warnings, w => w.Contains("which is no longer running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HolderOnAnotherHost_KeepsItsLockWhileItsHeartbeatMoves_AndLosesItWhenItStops()
    {
        var expiry = TimeSpan.FromSeconds(1.5);
        var path = LockFiles.HeldByOtherHost(StageFolder, _key.Hash);
        var cache = Cache(expiry: expiry);
        var build = Task.Run(() => cache.GetOrCreate(_key, CacheFixtures.Info(), CacheFixtures.Produce));

        // Beat for twice the expiry: the lock must hold all that time.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var beat = 1; watch.Elapsed < expiry * 2; beat++)
        {
            await Task.Delay(250);
            LockFiles.HeldByOtherHost(StageFolder, _key.Hash, beat);
            Assert.False(build.IsCompleted, "a holder whose heartbeat moves lost its lock");
        }
        var stopped = System.Diagnostics.Stopwatch.StartNew();
        var entry = await build.WaitAsync(Patience);

        Assert.Equal(CacheOutcome.Built, entry.Outcome);
        Assert.True(stopped.Elapsed >= expiry * 0.9, $"taken over after {stopped.Elapsed}, before the expiry");
        Assert.Contains(_warnings, w => w.Contains("pid 1 on another-host.example, whose heartbeat has not changed", StringComparison.Ordinal));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void SweepStale_KeepsAWorkFolderOfThisProcess_WhileThisProcessHoldsItsLock()
    {
        // The old rule took a folder named with our own pid and not in use by this thread's producer for a dead
        // earlier process's; what counts now is whether a live holder has the key's lock.
        var cache = Cache();
        string folder;
        using (cache.LockEntry("train", _key.Hash))
        {
            folder = Directory.CreateDirectory(Path.Combine(StageFolder, $".tmp-{_key.Hash}-{Environment.ProcessId}-999999")).FullName;
            Assert.Equal(0, cache.SweepStale());
            Assert.True(Directory.Exists(folder));
        }
        Assert.Equal(1, cache.SweepStale());
        Assert.False(Directory.Exists(folder));
        Assert.Contains("an earlier process with this process id, which no longer holds its lock", Assert.Single(_warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_AdvancesWhileHeld()
    {
        var cache = Cache();
        using var held = cache.LockEntry("train", _key.Hash);
        var before = File.ReadAllText(held.Path);
        // One timer beats every held lock each 5 s (so a new lock's first beat comes within 5 s); a loaded machine may
        // run it late, so look for up to 20 s.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var after = before;
        while (after == before && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(250);
            after = File.ReadAllText(held.Path);
        }

        Assert.Contains("beat 000000000000\n", before, StringComparison.Ordinal);
        Assert.Contains("beat 000000000001\n", after, StringComparison.Ordinal);
        Assert.Equal(before.Length, after.Length);
    }
}
