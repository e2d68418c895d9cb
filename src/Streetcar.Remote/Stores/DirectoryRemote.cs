using System.Globalization;
using Streetcar.Core.Cache;
using Streetcar.Core.Errors;

namespace Streetcar.Remote.Stores;

/// <summary>
/// A remote in a plain folder (NFS, SMB, a USB disk), laid out like the local cache: <c>&lt;stage&gt;/&lt;key&gt;/</c>.
/// A publisher copies the files and then the manifest into <c>&lt;stage&gt;/.push-&lt;key&gt;-&lt;host&gt;-&lt;pid&gt;-&lt;n&gt;/</c>
/// and renames that folder to <c>&lt;key&gt;</c> within the stage folder: the rename is the commit point, and it
/// fails when the key's folder already exists, so a second publisher never overwrites the first.
/// </summary>
public sealed class DirectoryRemote : IRemoteStore
{
    private const string PushPrefix = ".push-";
    private static long _counter;

    /// <summary>A remote in the existing folder <paramref name="root"/>.</summary>
    public DirectoryRemote(string root)
    {
        Root = Path.GetFullPath(root);
        if (!Directory.Exists(Root))
        {
            // An unmounted disk or a typo must not become a fresh, empty remote.
            throw new PipelineException($"remote {Root}: no such folder (create it, or mount the share, first)");
        }
    }

    public string Root { get; }

    public string Name => Root;

    public IReadOnlyList<CacheKey> Entries() => Guard(() =>
        Directory.EnumerateDirectories(Root)
            .SelectMany(stage => Directory.EnumerateDirectories(stage)
                .Select(entry => CacheKey.TryParse(Path.GetFileName(stage), Path.GetFileName(entry), out var key)
                    && File.Exists(Path.Combine(entry, CacheManifest.FileName)) ? key : null))
            .OfType<CacheKey>()
            .OrderBy(k => k.Stage, StringComparer.Ordinal).ThenBy(k => k.Hash, StringComparer.Ordinal)
            .ToList());

    public byte[]? ReadManifest(CacheKey key) => Guard(() =>
    {
        var path = Path.Combine(EntryFolder(key), CacheManifest.FileName);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    });

    public void Download(CacheKey key, CacheFile file, string destination) => Guard(() =>
    {
        var source = Path.Combine(EntryFolder(key), file.Path);
        if (!File.Exists(source))
        {
            // A missing file is damage for the verifier to name, not a failure of the remote: leave it absent.
            return 0;
        }
        File.Copy(source, destination, overwrite: false);
        return 0;
    });

    public bool Publish(CacheKey key, string folder, CacheManifest manifest, Action<CacheFile>? sent = null) => Guard(() =>
    {
        var target = EntryFolder(key);
        if (Directory.Exists(target))
        {
            return false;
        }
        var stageFolder = Path.Combine(Root, key.Stage);
        Directory.CreateDirectory(stageFolder);
        var n = Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        var temp = Path.Combine(stageFolder, $"{PushPrefix}{key.Hash}-{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{n}");
        try
        {
            foreach (var file in manifest.Files)
            {
                var path = Path.Combine(temp, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(Path.Combine(folder, file.Path), path);
                sent?.Invoke(file);
            }
            using (var stream = new FileStream(Path.Combine(temp, CacheManifest.FileName), FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(File.ReadAllBytes(Path.Combine(folder, CacheManifest.FileName)));
                stream.Flush(flushToDisk: true);
            }
            try
            {
                Directory.Move(temp, target);
                return true;
            }
            catch (IOException) when (Directory.Exists(target))
            {
                return false; // another publisher renamed first
            }
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    });

    private string EntryFolder(CacheKey key) => Path.Combine(Root, key.Stage, key.Hash);

    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"remote {Root}: {e.Message}", ExitCodes.Pipeline, e);
        }
    }
}
