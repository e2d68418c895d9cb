using System.Collections.Concurrent;

namespace Streetcar.Core.Cache;

/// <summary>
/// One timer per process that advances the heartbeat of every entry lock the process holds, and releases them
/// when the process exits normally (a SIGKILL leaves the files; the pid check or the stopped heartbeat expires them).
/// </summary>
internal static class LockHeartbeat
{
    /// <summary>
    /// Seconds between beats: a twelfth of the default expiry, so a holder slowed by a loaded machine (a paused
    /// timer thread, a slow NFS server) misses many beats before another host may take its lock over, while a
    /// beat (one small write and flush per held lock) stays negligible.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<EntryLock, byte> Locks = new();
    private static readonly Lock Gate = new();
    private static Timer? _timer;

    public static void Add(EntryLock held)
    {
        Locks[held] = 0;
        lock (Gate)
        {
            if (_timer is null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => ReleaseAll();
                _timer = new Timer(_ => BeatAll(), null, Interval, Interval);
            }
        }
    }

    public static void Remove(EntryLock held) => Locks.TryRemove(held, out _);

    private static void BeatAll()
    {
        foreach (var held in Locks.Keys)
        {
            held.Beat();
        }
    }

    private static void ReleaseAll()
    {
        foreach (var held in Locks.Keys)
        {
            held.Dispose();
        }
    }
}
