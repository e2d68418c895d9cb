using System.Collections.Concurrent;

namespace Streetcar.Core.Cache;

/// <summary>
/// The entries one <see cref="StageCache"/> has already re-hashed, so a verb that opens the same entry several times
/// (a report reads each training and each evaluation for its tables, plots, serving rule and run-info) hashes it once.
/// An entry counts as still verified only while its folder holds the same files with the sizes and modification
/// times they had before it was hashed: a deletion, truncation, rewrite or stray file is caught at once, and a damage
/// that keeps both (a same-size rewrite that restores the time) by the next process, which verifies afresh.
/// </summary>
internal sealed class VerifiedEntries(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (IReadOnlyList<Stamp> Stamps, CacheManifest Manifest)> _verified = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (Stamp Stamp, CacheManifest Manifest)> _described = new(StringComparer.Ordinal);

    /// <summary>One file's path in its entry, size and modification time.</summary>
    internal readonly record struct Stamp(string Path, long Length, long WriteTicks);

    /// <summary>The stamps of every file in <paramref name="folder"/>, in path order; taken before hashing, so a change made while it is hashed is seen by the next open.</summary>
    public static IReadOnlyList<Stamp> Take(string folder) =>
        FolderOps.RelativeFiles(folder).Order(StringComparer.Ordinal)
            .Select(r => (Relative: r, Info: new FileInfo(Path.Combine(folder, r))))
            .Select(f => new Stamp(f.Relative, f.Info.Exists ? f.Info.Length : -1, f.Info.Exists ? f.Info.LastWriteTimeUtc.Ticks : 0))
            .ToArray();

    /// <summary>The verified manifest of <paramref name="folder"/> when nothing in it changed since it was hashed; else null.</summary>
    public CacheManifest? Lookup(string folder, CacheKey key)
    {
        if (!_verified.TryGetValue(folder, out var known) || known.Manifest.Stage != key.Stage || known.Manifest.Key != key.Hash)
        {
            return null;
        }
        if (!known.Stamps.SequenceEqual(Take(folder)))
        {
            _verified.TryRemove(folder, out _);
            return null;
        }
        return known.Manifest;
    }

    /// <summary>Remembers that <paramref name="folder"/>, as <paramref name="stamps"/> found it, verified as <paramref name="manifest"/>.</summary>
    public void Remember(string folder, IReadOnlyList<Stamp> stamps, CacheManifest manifest)
    {
        // File times advance in clock ticks of a few milliseconds: a file rewritten within the tick it was last
        // written in keeps its stamp. An entry that fresh (one this run just built) is therefore re-hashed each time.
        var settled = (time.GetUtcNow().UtcDateTime - Settle).Ticks;
        if (stamps.All(s => s.WriteTicks < settled))
        {
            _verified[folder] = (stamps, manifest);
        }
    }

    /// <summary>How old every file of an entry must be before its stamps stand for its hash.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The manifest of <paramref name="folder"/> read unverified by <paramref name="read"/>, once while the manifest
    /// file keeps its size and time (a plan describes a stage's entries once per run it plans).
    /// </summary>
    public CacheManifest? Describe(string folder, Func<string, CacheManifest?> read)
    {
        var info = new FileInfo(Path.Combine(folder, CacheManifest.FileName));
        var stamp = new Stamp(CacheManifest.FileName, info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
        if (_described.TryGetValue(folder, out var known) && known.Stamp == stamp)
        {
            return known.Manifest;
        }
        var manifest = read(folder);
        if (manifest is not null)
        {
            _described[folder] = (stamp, manifest);
        }
        return manifest;
    }

    /// <summary>Forgets <paramref name="folder"/> (it was discarded or replaced).</summary>
    public void Forget(string folder)
    {
        _verified.TryRemove(folder, out _);
        _described.TryRemove(folder, out _);
    }
}
