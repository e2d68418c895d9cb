namespace Streetcar.Core.Cache;

/// <summary>A verified cache entry: its folder, its manifest, and how it was obtained.</summary>
/// <param name="Key">The entry's key.</param>
/// <param name="Folder">Absolute path of the entry folder.</param>
/// <param name="Manifest">The verified manifest.</param>
/// <param name="Outcome">Hit, built, or raced.</param>
public sealed record CacheEntry(CacheKey Key, string Folder, CacheManifest Manifest, CacheOutcome Outcome)
{
    /// <summary>Absolute path of an output file given its path relative to the entry.</summary>
    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath);
}
