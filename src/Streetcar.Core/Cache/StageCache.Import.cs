namespace Streetcar.Core.Cache;

/// <content>Entries that arrive from elsewhere (a remote cache): verified in a work folder, then installed atomically.</content>
public sealed partial class StageCache
{
    /// <summary>The keys of every entry folder, unverified, sorted by stage then key.</summary>
    public IReadOnlyList<CacheKey> EntryKeys() => Keys();

    /// <summary>True when an entry folder for <paramref name="key"/> exists (unverified; <see cref="TryOpen"/> verifies).</summary>
    public bool Contains(CacheKey key) => Directory.Exists(EntryFolder(key));

    /// <summary>
    /// Installs an entry built elsewhere. <paramref name="download"/> writes each file of <paramref name="manifest"/>
    /// to the path it is given, inside an empty work folder of this cache; then the folder is verified like any
    /// entry (every file's size and SHA-256 against the manifest, nothing unlisted) and only then moved into place
    /// with the cache's one atomic rename. Returns null when the entry is now installed (or already was), else
    /// why it was refused; a refused entry leaves nothing behind. An exception from <paramref name="download"/>
    /// propagates, also leaving nothing behind.
    /// </summary>
    public string? Import(CacheKey key, CacheManifest manifest, byte[] manifestBytes, Action<CacheFile, string> download)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(download);
        if (manifest.Stage != key.Stage || manifest.Key != key.Hash)
        {
            return $"{CacheManifest.FileName} names {manifest.Stage}/{manifest.Key}, not {key.ToFullString()}";
        }
        // Checked before anything is written: a path such as ../../x must never be opened for writing.
        if (manifest.Files.FirstOrDefault(f => !EntryVerifier.IsSafeRelative(f.Path) || f.Path == CacheManifest.FileName) is { } unsafePath)
        {
            return $"manifest lists an invalid path '{unsafePath.Path}'";
        }
        var stageFolder = Path.Combine(Root, key.Stage);
        Directory.CreateDirectory(stageFolder);
        using var held = LockEntry(key.Stage, key.Hash);
        if (TryOpen(key, out _))
        {
            return null; // another run built or imported it while this one waited
        }
        var temp = WorkFolder.Claim(stageFolder, WorkFolder.TempPrefix, key.Hash);
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var file in manifest.Files)
            {
                var path = Path.Combine(temp, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                download(file, path);
            }
            File.WriteAllBytes(Path.Combine(temp, CacheManifest.FileName), manifestBytes);
            var problem = EntryVerifier.Verify(temp, key, out var verified);
            if (problem is not null)
            {
                return problem;
            }
            Install(key, temp, verified!, force: false);
            return null;
        }
        finally
        {
            FolderOps.DeleteTree(temp);
            WorkFolder.Release(temp);
        }
    }
}
