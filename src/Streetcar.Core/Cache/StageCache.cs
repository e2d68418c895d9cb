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
/// <para><b>Stale work folders.</b> <c>.tmp-*</c> and <c>.trash-*</c> folders carry their owner's process id.
/// One is removed (with a warning) when it is not in use by this process and either its owner is no longer
/// running, or the owner is this process id (a dead earlier process whose id was reused), or this cache holds
/// the run lock (then no other run can be writing). A folder whose owner id was reused by an unrelated live
/// process is therefore kept until a run holding the lock sweeps; no timestamps are involved.</para>
/// <para><b>Concurrency.</b> Entries are immutable once in place. Two writers of the same key both produce;
/// the first rename wins and the other verifies the winner and discards its own copy
/// (<see cref="CacheOutcome.Raced"/>). Runs should still hold <see cref="AcquireRunLock"/> for their duration
/// so that removal, pruning and forced rebuilds never race another run.</para>
/// </remarks>
public sealed partial class StageCache
{
    private readonly Action<string> _warn;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancel;
    private RunLock? _runLock;
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

    /// <summary>True while a <see cref="RunLock"/> taken through this instance is held.</summary>
    public bool HoldsRunLock => _runLock?.IsHeld == true;

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
        Discard(key, folder);
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
    /// Builds an entry whose key is known only once it is built: <paramref name="produce"/> writes into an empty
    /// work folder and returns the key and description of what it wrote (a training trajectory's length, part of
    /// its key, is decided while it trains). An entry already under that key is replaced; as with
    /// <see cref="GetOrCreate"/>, a failure leaves no entry behind.
    /// </summary>
    /// <param name="stage">Stage folder to build in; the returned key must be of this stage.</param>
    /// <param name="workName">A SHA-256 naming the work folder while it is written (e.g. the key of what is extended).</param>
    /// <param name="produce">Writes the files and returns their key and description.</param>
    public CacheEntry Create(string stage, string workName, Func<string, (CacheKey Key, CacheEntryInfo Info)> produce)
    {
        ArgumentNullException.ThrowIfNull(produce);
        var stageFolder = Path.Combine(Root, stage);
        Directory.CreateDirectory(stageFolder);
        SweepStage(stageFolder);
        _cancel.ThrowIfCancellationRequested();
        var temp = WorkFolder.Claim(stageFolder, WorkFolder.TempPrefix, workName);
        try
        {
            Directory.CreateDirectory(temp);
            var (key, info) = produce(temp);
            if (key.Stage != stage)
            {
                throw new ArgumentException($"Entry key {key} is not of stage '{stage}'.", nameof(produce));
            }
            return Install(key, temp, Seal(temp, key, info), force: true);
        }
        finally
        {
            FolderOps.DeleteTree(temp);
            WorkFolder.Release(temp);
        }
    }

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

    /// <summary>
    /// Takes the exclusive run lock on this cache (see <see cref="RunLock"/>), waiting up to
    /// <paramref name="wait"/>; <paramref name="onWaiting"/> is told once if it has to wait. Throws a
    /// <see cref="PipelineException"/> naming the lock when it cannot be had in time. Dispose to release.
    /// </summary>
    public RunLock AcquireRunLock(TimeSpan wait, Action<string> onWaiting)
    {
        if (HoldsRunLock)
        {
            throw new InvalidOperationException($"This cache already holds its run lock {_runLock!.Path}.");
        }
        var runLock = RunLock.Acquire(Root, wait, onWaiting, _time, () => _runLock = null);
        _runLock = runLock;
        return runLock;
    }

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
