using System.Diagnostics.CodeAnalysis;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;

namespace Streetcar.Core.Cache;

/// <summary>
/// The stage cache: content-addressed entries at <c>&lt;root&gt;/&lt;stage&gt;/&lt;key&gt;/</c>, each a folder of
/// output files plus a <c>manifest.json</c> (every file's path, size and SHA-256) that is written last.
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> A producer writes into <c>&lt;root&gt;/&lt;stage&gt;/.tmp-&lt;key&gt;-&lt;pid&gt;-&lt;n&gt;</c>;
/// the manifest is written and flushed after the producer returns, then the folder is renamed into place
/// (one rename on the same file system). A process killed at any point leaves either no entry or a complete
/// one, plus possibly a stale temporary folder.</para>
/// <para><b>Integrity.</b> <see cref="TryOpen"/> re-hashes every file. A missing manifest, a missing, resized,
/// altered or unlisted file makes the entry absent: it is moved aside, deleted, and reported through the
/// warning sink, and the next <see cref="GetOrCreate"/> rebuilds it.</para>
/// <para><b>Locks.</b> An entry is built under its own lock (<see cref="EntryLock"/>, a file
/// <c>&lt;stage&gt;/.lock-&lt;key&gt;</c>), so runs sharing the cache (on one machine or many, over NFS) proceed side by
/// side and never build one entry twice at once: the second waits for the first's install, then uses it. Reads take
/// no lock: entries are immutable once in place.</para>
/// <para><b>Stale work folders.</b> A work folder (<c>.tmp-*</c>, <c>.trash-*</c>) is only ever made by the holder of
/// its key's lock. One is removed (with a warning) when it is not in use by this process and no live holder has
/// that lock: its maker is gone. A holder on another host counts as live until its lock expires.</para>
/// <para><b>Resumable work.</b> <see cref="Create"/> writes into <c>&lt;stage&gt;/.resume-&lt;name&gt;</c>, which a kill
/// or a cancellation leaves for the next holder of that lock to continue (a trajectory's checkpoints).</para>
/// </remarks>
public sealed partial class StageCache
{
    private readonly Action<string> _warn;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancel;
    private readonly VerifiedEntries _verified;

    /// <summary>Opens (and creates if needed) the cache rooted at <paramref name="root"/>.</summary>
    /// <param name="root">The cache folder, e.g. <c>data/cache</c>.</param>
    /// <param name="warn">Receives one line for every problem found and repaired; ignored when null.</param>
    /// <param name="time">Clock for lock waits; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancel">
    /// The run's cancellation: no producer starts once it is cancelled (an <see cref="OperationCanceledException"/>),
    /// and a producer that throws it leaves no entry and no work folder, like any other failure.
    /// </param>
    public StageCache(string root, Action<string>? warn = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        Root = Path.GetFullPath(root);
        _warn = warn ?? (_ => { });
        _time = time ?? TimeProvider.System;
        _verified = new VerifiedEntries(_time);
        _cancel = cancel;
        Directory.CreateDirectory(Root);
    }

    /// <summary>Absolute path of the cache root.</summary>
    public string Root { get; }

    /// <summary>A holder on another host whose heartbeat stops for this long is taken as dead (<see cref="EntryLock"/>).</summary>
    public TimeSpan LockExpiry { get; init; } = EntryLock.DefaultExpiry;

    /// <summary>How long to wait for an entry a live holder is building; null (the default): as long as it lives.</summary>
    public TimeSpan? LockWait { get; init; }

    /// <summary>Told once per wait for another holder's lock (the warning sink when not set).</summary>
    public Action<string>? OnWaiting { get; init; }

    /// <summary>Folder an entry lives in (whether or not it exists).</summary>
    public string EntryFolder(CacheKey key) => Path.Combine(Root, key.Stage, key.Hash);

    /// <summary>
    /// Opens the entry for <paramref name="key"/> if it exists and verifies against its manifest. An entry that
    /// fails verification is reported through the warning sink, removed, and treated as absent.
    /// </summary>
    public bool TryOpen(CacheKey key, [NotNullWhen(true)] out CacheEntry? entry)
    {
        entry = null;
        var folder = EntryFolder(key);
        if (!Directory.Exists(folder))
        {
            return false;
        }
        // Re-hashed once per process: later opens of an unchanged entry take the manifest verified then.
        if (_verified.Lookup(folder, key) is { } known)
        {
            entry = new CacheEntry(key, folder, known, CacheOutcome.Hit);
            return true;
        }
        var stamps = VerifiedEntries.Take(folder);
        var problem = EntryVerifier.Verify(folder, key, out var manifest);
        if (problem is null)
        {
            _verified.Remember(folder, stamps, manifest!);
            entry = new CacheEntry(key, folder, manifest!, CacheOutcome.Hit);
            return true;
        }
        _warn($"cache: entry {key} is invalid: {problem}; discarding it, it will be rebuilt.");
        // Only under the key's lock: a holder of it may be replacing this very entry. If another has it, it will.
        if (EntryLock.HeldByThisThread(EntryLock.PathFor(Path.GetDirectoryName(folder)!, key.Hash)))
        {
            Discard(key, folder);
        }
        else if (EntryLock.TryAcquire(Path.GetDirectoryName(folder)!, key.Hash, _warn) is { } held)
        {
            using (held)
            {
                Discard(key, folder);
            }
        }
        return false;
    }

    /// <summary>
    /// Returns the valid entry for <paramref name="key"/>, or runs <paramref name="produce"/> to build it.
    /// <paramref name="produce"/> receives an empty temporary folder and writes every output file into it (any
    /// layout except a top-level <c>manifest.json</c>). If it throws, the folder is deleted and the exception
    /// propagates: no entry is left behind. With <paramref name="force"/> the entry is rebuilt even when valid.
    /// </summary>
    public CacheEntry GetOrCreate(CacheKey key, CacheEntryInfo info, Action<string> produce, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(produce);
        var stageFolder = Path.Combine(Root, key.Stage);
        Directory.CreateDirectory(stageFolder);
        SweepStage(stageFolder);
        if (!force && TryOpen(key, out var hit))
        {
            return hit;
        }
        _cancel.ThrowIfCancellationRequested();
        using var held = LockEntry(key.Stage, key.Hash);
        // Another run may have built it while this one waited for the lock.
        if (!force && TryOpen(key, out var built))
        {
            return built with { Outcome = CacheOutcome.Raced };
        }
        _cancel.ThrowIfCancellationRequested();
        var temp = WorkFolder.Claim(stageFolder, WorkFolder.TempPrefix, key.Hash);
        try
        {
            Directory.CreateDirectory(temp);
            produce(temp);
            var manifest = Seal(temp, key, info);
            return Install(key, temp, manifest, force);
        }
        finally
        {
            FolderOps.DeleteTree(temp);
            WorkFolder.Release(temp);
        }
    }

    /// <summary>
    /// Takes the lock of <paramref name="name"/> (an entry's hash, or a name such as a trajectory's shape) in
    /// <paramref name="stage"/>: waits while a live holder has it (<see cref="LockWait"/>; the run's cancellation
    /// stops the wait), takes over a dead holder's, and sweeps the work folders that holder left. Dispose to release.
    /// </summary>
    public EntryLock LockEntry(string stage, string name)
    {
        var stageFolder = Path.Combine(Root, stage);
        Directory.CreateDirectory(stageFolder);
        var held = EntryLock.Acquire(stageFolder, name, new LockWaitPolicy(LockExpiry, LockWait, _time, _cancel, OnWaiting ?? _warn, _warn));
        SweepStage(stageFolder, heldHash: name);
        return held;
    }

    /// <summary>
    /// Builds an entry whose key is known only once it is built: <paramref name="produce"/> writes into the
    /// resumable work folder <c>&lt;stage&gt;/.resume-&lt;name&gt;</c> of <paramref name="held"/> (a training trajectory's
    /// length, part of its key, is decided while it trains) and returns the key and description of what it wrote.
    /// The folder is kept when the process is killed or the run cancelled (<see cref="OperationCanceledException"/>),
    /// so the next holder of the lock can continue the work found there; any other failure deletes it. An entry
    /// already under the returned key is replaced.
    /// </summary>
    /// <param name="held">The lock of the work, from <see cref="LockEntry"/> on this cache.</param>
    /// <param name="produce">Writes the files (continuing what the folder holds) and returns their key and description.</param>
    public CacheEntry Create(EntryLock held, Func<string, (CacheKey Key, CacheEntryInfo Info)> produce)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(produce);
        var stage = Path.GetFileName(held.Folder);
        if (!held.IsHeld || Path.GetDirectoryName(held.Folder) != Root)
        {
            throw new ArgumentException($"The lock {held.Path} is not held on this cache.", nameof(held));
        }
        _cancel.ThrowIfCancellationRequested();
        var work = ResumeFolder(stage, held.Name);
        Directory.CreateDirectory(work);
        // A job killed between sealing and installing left its manifest: the work is redone up to the seal.
        File.Delete(Path.Combine(work, CacheManifest.FileName));
        try
        {
            var (key, info) = produce(work);
            if (key.Stage != stage)
            {
                throw new ArgumentException($"Entry key {key} is not of stage '{stage}'.", nameof(produce));
            }
            // The installed entry is the sealed folder: nothing of the work is left to resume.
            return Install(key, work, Seal(work, key, info), force: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FolderOps.DeleteTree(work);
            throw;
        }
    }

    /// <summary>The resumable work folder of <paramref name="name"/> in <paramref name="stage"/> (see <see cref="Create"/>).</summary>
    public string ResumeFolder(string stage, string name) => Path.Combine(Root, stage, WorkFolder.ResumePrefix + name);

    /// <summary>
    /// The entries of <paramref name="stage"/> with the description in their manifests, read but not verified
    /// (cheap, for choosing among entries); open the one chosen with <see cref="TryOpen"/>, which verifies it.
    /// </summary>
    public IReadOnlyList<(CacheKey Key, CacheEntryInfo Info)> Describe(string stage) =>
        Keys().Where(k => k.Stage == stage)
            .Select(k => (Key: k, Manifest: _verified.Describe(EntryFolder(k), TryReadManifest)))
            .Where(e => e.Manifest is not null)
            .Select(e => (e.Key, e.Manifest!.Info))
            .ToList();

    private static CacheManifest Seal(string temp, CacheKey key, CacheEntryInfo info)
    {
        var relative = FolderOps.RelativeFiles(temp);
        if (relative.Contains(CacheManifest.FileName))
        {
            throw new PipelineException($"Stage {key.Stage} wrote '{CacheManifest.FileName}', a name the cache reserves.");
        }
        var files = relative
            .Select(r => (Relative: r, Full: Path.Combine(temp, r)))
            .Select(f => new CacheFile(f.Relative, new FileInfo(f.Full).Length, ContentHash.OfFile(f.Full)))
            .ToList();
        var manifest = new CacheManifest(key.Stage, key.Hash, info, files);
        ManifestJson.Write(Path.Combine(temp, CacheManifest.FileName), manifest);
        return manifest;
    }

    private CacheEntry Install(CacheKey key, string temp, CacheManifest manifest, bool force)
    {
        var folder = EntryFolder(key);
        if (force && Directory.Exists(folder))
        {
            Discard(key, folder);
        }
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Move(temp, folder);
                return new CacheEntry(key, folder, manifest, CacheOutcome.Built);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another writer installed this key first: keep theirs if it is sound (same key, same content).
                var problem = EntryVerifier.Verify(folder, key, out var theirs);
                if (problem is null)
                {
                    return new CacheEntry(key, folder, theirs!, CacheOutcome.Raced);
                }
                _warn($"cache: entry {key} is invalid: {problem}; replacing it.");
                Discard(key, folder);
            }
        }
        throw new PipelineException($"Could not move the new cache entry {key} into {folder}: the folder keeps reappearing.");
    }

    /// <summary>Moves an entry aside in one rename, so no reader sees it half-deleted, then deletes it.</summary>
    private void Discard(CacheKey key, string folder)
    {
        _verified.Forget(folder);
        var trash = WorkFolder.Claim(Path.GetDirectoryName(folder)!, WorkFolder.TrashPrefix, key.Hash);
        try
        {
            Directory.Move(folder, trash);
            FolderOps.DeleteTree(trash);
        }
        catch (DirectoryNotFoundException)
        {
            // Someone else removed it first.
        }
        finally
        {
            WorkFolder.Release(trash);
        }
    }
}
