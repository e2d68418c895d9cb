namespace Streetcar.Core.Cache;

/// <summary>
/// The <c>manifest.json</c> of an entry, written last: while it is missing or does not match the files, the
/// entry does not exist as far as readers are concerned.
/// </summary>
/// <param name="Stage">Stage that produced the entry.</param>
/// <param name="Key">Full key hash; must equal the entry's folder name.</param>
/// <param name="Info">What the entry belongs to.</param>
/// <param name="Files">Every output file, sorted by ordinal path.</param>
public sealed record CacheManifest(string Stage, string Key, CacheEntryInfo Info, IReadOnlyList<CacheFile> Files)
{
    /// <summary>File name of the manifest inside an entry folder; reserved, a stage may not write it.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Version of the manifest layout.</summary>
    public const int Schema = 1;

    /// <summary>Total size in bytes of the output files.</summary>
    public long TotalSize => Files.Sum(f => f.Size);

    /// <summary>Parses the bytes of a <c>manifest.json</c>; a malformed one is a <see cref="FormatException"/>.</summary>
    public static CacheManifest Parse(byte[] bytes) => ManifestJson.Parse(bytes);

    /// <summary>True when <paramref name="other"/> lists the same files with the same sizes and hashes.</summary>
    public bool SameFilesAs(CacheManifest other) =>
        Files.Count == other.Files.Count && Files.Zip(other.Files).All(pair => pair.First == pair.Second);
}
