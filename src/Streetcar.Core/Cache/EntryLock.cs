using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Cache;

/// <summary>
/// The lock of one cache entry being built: a file <c>&lt;stage&gt;/.lock-&lt;name&gt;</c> next to the entry, made with
/// an exclusive create (O_EXCL, atomic on local file systems and on NFS v3 and later) and holding the holder's
/// host, process id, process start time, a token and a heartbeat (<see cref="LockOwner"/>). No <c>flock</c>: it
/// is not honoured across NFS clients everywhere, and the kernel would not tell another host that a holder died.
/// </summary>
/// <remarks>
/// <para><b>Expiry.</b> A holder on this host is dead when its process id is gone or now belongs to a process that
/// started at another time: judged at once. A holder on another host is dead when its heartbeat (advanced every
/// <see cref="LockHeartbeat.Interval"/>) has not changed for <see cref="LockWaitPolicy.Expiry"/> of the waiter's own
/// clock, so clocks that disagree between hosts do not matter.</para>
/// <para><b>Taking over.</b> A dead holder's file is renamed aside (one rename: only one waiter gets it) and kept
/// only if it is still the file judged dead; if a newer holder's file was renamed instead, it is put back.
/// The holder's file stays open, so its heartbeat writes reach its own file even after such a rename, and a
/// holder that finds another token in its place warns that it lost the lock.</para>
/// <para><b>What it guards.</b> Work, not integrity: entries are installed by one rename and verified on open, so
/// even two holders at once (a lost lock) cost a duplicate build, never a broken entry.</para>
/// </remarks>
public sealed class EntryLock : IDisposable
{
    /// <summary>Prefix of lock file names in a stage folder.</summary>
    public const string Prefix = ".lock-";

    /// <summary>Marks a lock file renamed aside while being taken over.</summary>
    private const string AsideMarker = ".aside-";

    /// <summary>
    /// Default time without a heartbeat after which another host's holder is taken as dead: long enough that a
    /// loaded machine or a slow file server never loses a live holder's lock (twelve missed beats), short next to
    /// the minutes a trajectory trains.
    /// </summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiter looks at the lock: a stat and a small read, cheap even on NFS.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>The locks this process holds, by path, with the managed thread holding each.</summary>
    private static readonly ConcurrentDictionary<string, int> Held = new(StringComparer.Ordinal);

    private static long _counter;

    private readonly FileStream _stream;
    private readonly LockOwner _owner;
    private readonly Action<string> _warn;
    private readonly Lock _gate = new();
    private long _beat;
    private bool _lostTold;

    private EntryLock(string path, string name, FileStream stream, LockOwner owner, Action<string> warn)
    {
        Path = path;
        Name = name;
        _stream = stream;
        _owner = owner;
        _warn = warn;
    }

    /// <summary>Absolute path of the lock file.</summary>
    public string Path { get; }

    /// <summary>Name locked (an entry's or a trajectory shape's hash) within its folder.</summary>
    public string Name { get; }

    /// <summary>Folder the lock (and what it guards) lives in.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>True until disposed.</summary>
    public bool IsHeld { get; private set; } = true;

    /// <summary>The lock file of <paramref name="name"/> in <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, string name) => System.IO.Path.Combine(folder, Prefix + name);

    /// <summary>True when the calling thread holds the lock at <paramref name="path"/>.</summary>
    public static bool HeldByThisThread(string path) => Held.TryGetValue(path, out var thread) && thread == Environment.CurrentManagedThreadId;

    /// <summary>Releases the lock: deletes the file if it is still this holding's.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!IsHeld)
            {
                return;
            }
            IsHeld = false;
        }
        LockHeartbeat.Remove(this);
        Held.TryRemove(Path, out _);
        if (ReadOwner(Path)?.Token == _owner.Token)
        {
            TryDelete(Path);
        }
        _stream.Dispose();
    }

    /// <summary>Advances the heartbeat (called by <see cref="LockHeartbeat"/>) and checks the lock is still ours.</summary>
    internal void Beat()
    {
        try
        {
            lock (_gate)
            {
                if (!IsHeld)
                {
                    return;
                }
                _beat++;
                _stream.Position = _owner.BeatOffset;
                _stream.Write(LockOwner.BeatBytes(_beat));
                // Through to the file server: an NFS client would otherwise keep the write until the file is closed.
                _stream.Flush(flushToDisk: true);
            }
            if (ReadOwner(Path)?.Token != _owner.Token && !_lostTold)
            {
                _lostTold = true;
                _warn($"cache: lost the lock {Path}: another run took it as expired; the entry may be built twice (harmless: installs are atomic).");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Best effort: the next beat tries again, and a long silence only lets another host take over.
        }
    }

    /// <summary>
    /// Takes the lock of <paramref name="name"/> in <paramref name="folder"/> (a folder outside any cache, such as the
    /// one holding results/), waiting as long as a live holder has it (<paramref name="onWaiting"/> is told once) and
    /// taking over a dead holder's (<paramref name="warn"/> is told).
    /// </summary>
    public static EntryLock Acquire(string folder, string name, Action<string> onWaiting, Action<string> warn, CancellationToken cancel = default) =>
        Acquire(folder, name, new LockWaitPolicy(DefaultExpiry, null, TimeProvider.System, cancel, onWaiting, warn));

    /// <summary>
    /// Takes the lock of <paramref name="name"/> in <paramref name="folder"/>, waiting while a live holder has it and
    /// taking over a dead holder's.
    /// </summary>
    internal static EntryLock Acquire(string folder, string name, LockWaitPolicy policy)
    {
        var path = PathFor(folder, name);
        if (HeldByThisThread(path))
        {
            throw new InvalidOperationException($"This thread already holds the cache lock {path}.");
        }
        var start = policy.Time.GetTimestamp();
        string? seen = null;
        var seenAt = start;
        var announced = false;
        while (true)
        {
            policy.Cancel.ThrowIfCancellationRequested();
            if (TryCreate(path, name, policy.Warn) is { } held)
            {
                return held;
            }
            var text = ReadText(path);
            if (text is null)
            {
                continue; // released between the create and the read
            }
            if (text != seen)
            {
                (seen, seenAt) = (text, policy.Time.GetTimestamp());
            }
            var owner = LockOwner.Parse(text);
            var still = policy.Time.GetElapsedTime(seenAt);
            if (DeadReason(owner, still, policy.Expiry) is { } reason)
            {
                Break(path, text, reason, policy.Warn);
                continue;
            }
            var waited = policy.Time.GetElapsedTime(start);
            if (policy.Limit is { } limit && waited >= limit)
            {
                throw new CacheBusyException($"cache: {Describe(folder, name)} is being built by {owner?.Describe() ?? "another run"} (lock {path}); "
                    + $"gave up after waiting {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s. Wait for it to finish, or stop it, then run again.");
            }
            if (!announced)
            {
                announced = true;
                policy.OnWaiting($"cache: {Describe(folder, name)} is being built by {owner?.Describe() ?? "another run"}; waiting for it to finish...");
            }
            policy.Cancel.WaitHandle.WaitOne(Poll);
        }
    }

    /// <summary>Takes the lock if it is free or its holder is dead on this host; null when a live holder (or another host's) has it.</summary>
    internal static EntryLock? TryAcquire(string folder, string name, Action<string> warn)
    {
        var path = PathFor(folder, name);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryCreate(path, name, warn) is { } held)
            {
                return held;
            }
            if (ReadText(path) is not { } text)
            {
                continue;
            }
            if (DeadReason(LockOwner.Parse(text), TimeSpan.Zero, TimeSpan.MaxValue) is not { } reason)
            {
                return null;
            }
            Break(path, text, reason, warn);
        }
        return null;
    }

    /// <summary>
    /// True when the lock file at <paramref name="path"/> may have a live holder: it exists and is unfinished, held
    /// on another host (not judged at a glance), or held by a running process of this host. For sweeps.
    /// </summary>
    internal static bool MayBeHeld(string path) =>
        ReadText(path) is { } text && DeadReason(LockOwner.Parse(text), TimeSpan.Zero, TimeSpan.MaxValue) is null;

    /// <summary>The holder at <paramref name="path"/>, or null when there is no (whole) lock file.</summary>
    internal static LockOwner? ReadOwner(string path) => ReadText(path) is { } text ? LockOwner.Parse(text) : null;

    /// <summary>Why the holder is dead, or null while it may live (<paramref name="still"/>: how long its file has not changed).</summary>
    private static string? DeadReason(LockOwner? owner, TimeSpan still, TimeSpan expiry)
    {
        var seconds = still.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        if (owner is null)
        {
            return still >= expiry ? $"an unfinished lock file, unchanged for {seconds} s" : null;
        }
        if (owner.Host == ProcessProbe.Host)
        {
            return ProcessProbe.IsAlive(owner.Pid, owner.StartTicks) ? null : $"{owner.Describe()}, which is no longer running";
        }
        return still >= expiry ? $"{owner.Describe()}, whose heartbeat has not changed for {seconds} s" : null;
    }

    private static EntryLock? TryCreate(string path, string name, Action<string> warn)
    {
        var n = Interlocked.Increment(ref _counter);
        var owner = new LockOwner(ProcessProbe.Host, ProcessProbe.CurrentId, ProcessProbe.CurrentStart,
            string.Create(CultureInfo.InvariantCulture, $"{ProcessProbe.Host}-{ProcessProbe.CurrentId}-{ProcessProbe.CurrentStart}-{n}"), 0);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
        try
        {
            stream.Write(Encoding.UTF8.GetBytes(owner.Format()));
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            stream.Dispose();
            TryDelete(path);
            throw;
        }
        var held = new EntryLock(path, name, stream, owner, warn);
        Held[path] = Environment.CurrentManagedThreadId;
        LockHeartbeat.Add(held);
        return held;
    }

    /// <summary>Removes a dead holder's lock file, if it is still the one judged (<paramref name="judged"/>, its text).</summary>
    private static void Break(string path, string judged, string reason, Action<string> warn)
    {
        var aside = path + AsideMarker + string.Create(CultureInfo.InvariantCulture, $"{ProcessProbe.CurrentId}-{Interlocked.Increment(ref _counter)}");
        try
        {
            File.Move(path, aside);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // gone already: another waiter took it over, or its holder released it
        }
        if (ReadText(aside) == judged)
        {
            TryDelete(aside);
            warn($"cache: the lock {System.IO.Path.GetFileName(path)} was left by {reason}; taking it over.");
            return;
        }
        // Between the judgement and the rename a new holder took the lock: give its file back.
        try
        {
            File.Move(aside, path, overwrite: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(aside); // a third holder came in meanwhile; the second learns it lost the lock at its next beat
        }
    }

    /// <summary>True for a lock file's name, or a lock file left aside by a waiter killed while taking it over.</summary>
    internal static bool IsLockFileName(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Describe(string folder, string name) =>
        $"{System.IO.Path.GetFileName(folder)}/{(name.Length > 12 ? name[..12] : name)}";

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover lock of a dead holder expires like a killed holder's.
        }
    }
}
