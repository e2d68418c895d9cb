using Streetcar.Core.Cache;

namespace Streetcar.Remote.Stores;

/// <summary>
/// A shared copy of the stage cache. An entry exists on a remote once its manifest does; the manifest is always
/// published last, with a create-only condition, so a reader sees no entry or a whole one (and verifies it anyway).
/// Every method throws a <see cref="Core.Errors.PipelineException"/> (exit 2) with one line naming the remote
/// when the remote cannot be reached, refuses the credentials or does not exist.
/// </summary>
public interface IRemoteStore
{
    /// <summary>How messages name the remote: never a credential (a SAS query is left out).</summary>
    string Name { get; }

    /// <summary>The keys of every entry with a manifest, sorted by stage then key.</summary>
    IReadOnlyList<CacheKey> Entries();

    /// <summary>The bytes of the entry's manifest, or null when the remote has no such entry.</summary>
    byte[]? ReadManifest(CacheKey key);

    /// <summary>Writes <paramref name="file"/> of the entry to <paramref name="destination"/>, unverified (the caller verifies).</summary>
    void Download(CacheKey key, CacheFile file, string destination);

    /// <summary>
    /// Publishes the local entry in <paramref name="folder"/>: every file, then the manifest, created only if the
    /// remote has none yet. Returns false when another publisher's manifest was already there (nothing overwritten).
    /// </summary>
    bool Publish(CacheKey key, string folder, CacheManifest manifest, Action<CacheFile>? sent = null);
}
