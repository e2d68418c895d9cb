namespace Streetcar.Core.Cache;

/// <summary>One line of <see cref="StageCache.List"/>.</summary>
/// <param name="Key">The entry's key.</param>
/// <param name="Folder">Absolute path of the entry folder.</param>
/// <param name="SizeBytes">Bytes on disk of every file in the folder, manifest included.</param>
/// <param name="Config">Config the entry was built for, when the manifest is readable.</param>
/// <param name="Description">Its description, when recorded.</param>
/// <param name="Problem">Why the entry is invalid, or null when it verified.</param>
public sealed record CacheListing(CacheKey Key, string Folder, long SizeBytes, string? Config, string? Description, string? Problem)
{
    /// <summary>True when the entry verified against its manifest.</summary>
    public bool Valid => Problem is null;
}
