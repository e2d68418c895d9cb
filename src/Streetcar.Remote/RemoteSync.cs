using System.Diagnostics;
using Streetcar.Core.Cache;
using Streetcar.Core.Errors;
using Streetcar.Remote.Stores;

namespace Streetcar.Remote;

/// <summary>
/// Moves entries between the local stage cache and a remote. Push sends only verified local entries and never
/// overwrites: a key the remote already has is compared file by file, and a disagreement is an error naming the
/// key. Pull verifies every file of an entry against its manifest before the cache's atomic install; a damaged or
/// partial remote entry is one warning naming the key and is skipped. Each entry is imported under its own lock (StageCache.Import).
/// </summary>
public sealed class RemoteSync(StageCache cache, IRemoteStore remote, Action<string> info, Action<string> warn)
{
    /// <summary>Called after each file a push has sent (progress; the tests interrupt a push here).</summary>
    public Action<CacheFile>? FileSent { get; init; }

    /// <summary>Downloads the chosen remote entries the local cache lacks.</summary>
    public SyncSummary Pull(RemoteSelection selection)
    {
        var clock = Stopwatch.StartNew();
        int moved = 0, present = 0, damaged = 0;
        long bytes = 0;
        // Listing first also proves the remote is reachable before anything local is touched.
        foreach (var key in remote.Entries())
        {
            if (cache.Contains(key))
            {
                present += selection.Wants(key, () => LocalInfo(key)) ? 1 : 0;
                continue;
            }
            var manifestBytes = selection.NeedsInfo(key) || selection.Wants(key, () => null) ? remote.ReadManifest(key) : null;
            if (manifestBytes is null)
            {
                continue;
            }
            CacheManifest manifest;
            try
            {
                manifest = CacheManifest.Parse(manifestBytes);
            }
            catch (FormatException e)
            {
                damaged++;
                warn($"remote: entry {key} on {remote.Name} is damaged ({CacheManifest.FileName} is unreadable: {e.Message}); skipped, not installed");
                continue;
            }
            if (!selection.Wants(key, () => manifest.Info))
            {
                continue;
            }
            var problem = cache.Import(key, manifest, manifestBytes, (file, path) => remote.Download(key, file, path));
            if (problem is null)
            {
                moved++;
                bytes += manifest.TotalSize;
                info($"pull: {key} ({manifest.Info.Config}, {Megabytes(manifest.TotalSize)})");
            }
            else
            {
                damaged++;
                warn($"remote: entry {key} on {remote.Name} is damaged ({problem}); skipped, not installed");
            }
        }
        return new SyncSummary(moved, present, damaged, bytes, clock.Elapsed);
    }

    /// <summary>The description in a local entry's manifest (unverified), for counting what is already here.</summary>
    private CacheEntryInfo? LocalInfo(CacheKey key)
    {
        if (!_localInfo.TryGetValue(key.Stage, out var infos))
        {
            _localInfo[key.Stage] = infos = cache.Describe(key.Stage).ToDictionary(d => d.Key, d => d.Info);
        }
        return infos.GetValueOrDefault(key);
    }

    private readonly Dictionary<string, Dictionary<CacheKey, CacheEntryInfo>> _localInfo = [];

    /// <summary>Publishes the chosen, verified local entries the remote lacks.</summary>
    public SyncSummary Push(RemoteSelection selection)
    {
        var clock = Stopwatch.StartNew();
        int moved = 0, present = 0;
        long bytes = 0;
        var onRemote = remote.Entries().ToHashSet();
        var disagreements = new List<string>();
        foreach (var key in cache.EntryKeys())
        {
            // TryOpen re-hashes the entry: a damaged local entry is repaired (discarded), never published.
            if (!cache.TryOpen(key, out var entry) || !selection.Wants(key, () => entry.Manifest.Info))
            {
                continue;
            }
            var listed = onRemote.Contains(key);
            if (!listed && remote.Publish(key, entry.Folder, entry.Manifest, FileSent))
            {
                moved++;
                bytes += entry.Manifest.TotalSize;
                info($"push: {key} ({entry.Manifest.Info.Config}, {Megabytes(entry.Manifest.TotalSize)})");
                continue;
            }
            present++;
            if (Disagreement(key, entry.Manifest) is { } problem)
            {
                disagreements.Add(problem);
            }
            else if (!listed)
            {
                // Another publisher committed this key while we were sending it.
                info($"push: {key} already exists on {remote.Name}, with the same files");
            }
        }
        if (disagreements.Count > 0)
        {
            throw new PipelineException($"push: {string.Join("; ", disagreements)}; nothing was overwritten");
        }
        return new SyncSummary(moved, present, 0, bytes, clock.Elapsed);
    }

    /// <summary>Null when the remote's entry for <paramref name="key"/> lists the same files as ours, else why not.</summary>
    private string? Disagreement(CacheKey key, CacheManifest ours)
    {
        var bytes = remote.ReadManifest(key);
        if (bytes is null)
        {
            return $"{key} vanished from {remote.Name} while being compared";
        }
        try
        {
            var theirs = CacheManifest.Parse(bytes);
            return theirs.SameFilesAs(ours) ? null : $"{key.ToFullString()} on {remote.Name} holds other files than the local entry (their hashes disagree)";
        }
        catch (FormatException e)
        {
            return $"{key.ToFullString()} on {remote.Name} has an unreadable {CacheManifest.FileName} ({e.Message})";
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1e6:0.0} MB";
}
