namespace Streetcar.Core.Cache;

/// <summary>One output file of an entry as its manifest records it.</summary>
/// <param name="Path">Path relative to the entry folder, with '/' separators.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex.</param>
public sealed record CacheFile(string Path, long Size, string Sha256);
