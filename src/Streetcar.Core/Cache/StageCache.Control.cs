namespace Streetcar.Core.Cache;

/// <content>Listing, removal, pruning and sweeping: the cache's control surface (CLI <c>cache</c>, <c>Clean</c>).</content>
public sealed partial class StageCache
{
    /// <summary>
    /// Every entry under the root, verified (every file re-hashed), sorted by stage then key. Invalid entries
    /// are listed with their problem and left in place; <see cref="TryOpen"/> or <see cref="Prune"/> repairs them.
    /// </summary>
    public IReadOnlyList<CacheListing> List()
    {
        var listings = new List<CacheListing>();
        foreach (var key in Keys())
        {
            var folder = EntryFolder(key);
            var problem = EntryVerifier.Verify(folder, key, out var manifest);
            manifest ??= TryReadManifest(folder);
            listings.Add(new CacheListing(key, folder, FolderOps.Size(folder), manifest?.Info.Config, manifest?.Info.Description, problem));
        }
        return listings;
    }

    /// <summary>
    /// Keys of the entries matching <c>stage/prefix</c> (a hash prefix, as <see cref="CacheKey.ToString"/>
    /// shows) or a bare hash prefix in any stage, for commands that take a key typed by a person.
    /// </summary>
    public IReadOnlyList<CacheKey> Find(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var stage = slash < 0 ? null : text[..slash];
        var prefix = (slash < 0 ? text : text[(slash + 1)..]).ToLowerInvariant();
        return Keys()
            .Where(k => (stage is null || k.Stage == stage) && k.Hash.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Removes the entry for <paramref name="key"/>; false when there was none.</summary>
    public bool Remove(CacheKey key)
    {
        var folder = EntryFolder(key);
        if (!Directory.Exists(folder))
        {
            return false;
        }
        // Under the key's lock, so that a run replacing the entry (a forced rebuild) is not cut short.
        using var held = LockEntry(key.Stage, key.Hash);
        if (!Directory.Exists(folder))
        {
            return false;
        }
        Discard(key, folder);
        return true;
    }

    /// <summary>
    /// Removes every entry whose key is not in <paramref name="inUse"/> (the keys the current configs resolve
    /// to), valid or not, and sweeps stale work folders. Returns the removed keys.
    /// </summary>
    public IReadOnlyList<CacheKey> Prune(IReadOnlySet<CacheKey> inUse)
    {
        SweepStale();
        var removed = Keys().Where(k => !inUse.Contains(k)).Where(Remove).ToList();
        return removed;
    }

    /// <summary>
    /// Deletes every entry and work folder the cache recognises as its own: in each stage folder (a stage name),
    /// the folders named by a key hash that hold a manifest, the <c>.tmp-*</c>/<c>.trash-*</c> work folders, the
    /// <c>.resume-*</c> folders of interrupted work and the lock files of dead holders; then each stage folder left
    /// empty. Anything else (a folder or file the cache did not make) is left in place and returned, as paths
    /// relative to the root, so that a wrong <c>--root</c> never costs someone's files. Refuses (a
    /// <see cref="Errors.PipelineException"/>, nothing removed) while any lock may have a live holder: that run's
    /// work would be pulled from under it.
    /// </summary>
    public IReadOnlyList<string> Clear()
    {
        var busy = StageFolders()
            .SelectMany(stage => Directory.EnumerateFiles(stage, EntryLock.Prefix + "*"))
            .Where(EntryLock.MayBeHeld)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (busy is not null)
        {
            throw new Errors.PipelineException($"cache clear: {Path.GetRelativePath(Root, busy)} is held by "
                + $"{EntryLock.ReadOwner(busy)?.Describe() ?? "another run"}, which is building in this cache; nothing was removed. Run it again once that run has finished.");
        }
        var kept = new List<string>();
        foreach (var stage in StageFolders())
        {
            if (IsLink(stage))
            {
                kept.Add(Path.GetRelativePath(Root, stage));
                continue;
            }
            foreach (var path in Directory.EnumerateFileSystemEntries(stage).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                var ours = Directory.Exists(path) && !IsLink(path)
                    && (CacheKey.IsHash(name) && File.Exists(Path.Combine(path, CacheManifest.FileName)) || WorkFolder.TryParseHash(name, out _));
                if (ours)
                {
                    FolderOps.DeleteTree(path);
                }
                else if (File.Exists(path) && EntryLock.IsLockFileName(name))
                {
                    File.Delete(path);
                }
                else
                {
                    kept.Add(Path.GetRelativePath(Root, path));
                }
            }
            if (!Directory.EnumerateFileSystemEntries(stage).Any())
            {
                Directory.Delete(stage);
            }
        }
        kept.AddRange(Directory.EnumerateDirectories(Root)
            .Where(d => !CacheKey.IsStage(Path.GetFileName(d)))
            .Select(d => Path.GetRelativePath(Root, d))
            .Order(StringComparer.Ordinal));
        return kept;
    }

    // A symbolic link is never followed into: what it points at is not the cache's.
    private static bool IsLink(string path) => new DirectoryInfo(path).LinkTarget is not null;

    /// <summary>Removes stale work folders of every stage (rules on <see cref="StageCache"/>); returns how many.</summary>
    public int SweepStale() => StageFolders().Sum(stage => SweepStage(stage));

    /// <param name="stageFolder">The stage folder to sweep.</param>
    /// <param name="heldHash">A key whose lock the caller has just taken: its work folders not in use here are stale.</param>
    private int SweepStage(string stageFolder, string? heldHash = null)
    {
        var removed = 0;
        foreach (var path in Directory.EnumerateDirectories(stageFolder, ".*"))
        {
            var name = Path.GetFileName(path);
            // Only the holder of a key's lock makes work folders of that key: with no live holder, the maker is gone.
            if (!WorkFolder.TryParseOwner(name, out var pid) || WorkFolder.IsActive(path)
                || (WorkFolder.HashOf(name) != heldHash && EntryLock.MayBeHeld(EntryLock.PathFor(stageFolder, WorkFolder.HashOf(name)))))
            {
                continue;
            }
            // Claimed by one rename first: a folder its owner (this process included) installed or deleted since
            // it was listed is simply gone, and is neither reported nor counted.
            var claimed = WorkFolder.Claim(stageFolder, WorkFolder.TrashPrefix, WorkFolder.HashOf(name));
            try
            {
                Directory.Move(path, claimed);
            }
            catch (DirectoryNotFoundException)
            {
                WorkFolder.Release(claimed);
                continue;
            }
            var owner = pid == ProcessProbe.CurrentId ? "an earlier process with this process id" : $"process {pid}";
            _warn($"cache: removing stale work folder {Path.GetFileName(stageFolder)}/{name} left by {owner}, which no longer holds its lock.");
            try
            {
                FolderOps.DeleteTree(claimed);
            }
            catch (IOException)
            {
                // Another run's sweep is deleting it too; whatever is left is swept next time.
            }
            WorkFolder.Release(claimed);
            removed++;
        }
        return removed;
    }

    private IEnumerable<string> StageFolders() =>
        Directory.EnumerateDirectories(Root)
            .Where(d => CacheKey.IsStage(Path.GetFileName(d)))
            .Order(StringComparer.Ordinal);

    private List<CacheKey> Keys() =>
        StageFolders()
            .SelectMany(stage => Directory.EnumerateDirectories(stage)
                .Select(Path.GetFileName)
                .Where(name => CacheKey.IsHash(name!))
                .Order(StringComparer.Ordinal)
                .Select(name => new CacheKey(Path.GetFileName(stage), name!)))
            .ToList();

    private static CacheManifest? TryReadManifest(string folder)
    {
        try
        {
            return ManifestJson.Read(Path.Combine(folder, CacheManifest.FileName));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
