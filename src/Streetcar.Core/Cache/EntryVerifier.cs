using Streetcar.Core.Hashing;

namespace Streetcar.Core.Cache;

/// <summary>Checks an entry folder against its manifest: every file present, with the recorded size and hash.</summary>
internal static class EntryVerifier
{
    /// <summary>Returns null when the entry is valid, else what is wrong with it.</summary>
    public static string? Verify(string folder, CacheKey key, out CacheManifest? manifest)
    {
        manifest = null;
        var manifestPath = Path.Combine(folder, CacheManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return $"{CacheManifest.FileName} is missing";
        }
        CacheManifest read;
        try
        {
            read = ManifestJson.Read(manifestPath);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return $"{CacheManifest.FileName} is unreadable ({e.Message})";
        }
        if (read.Stage != key.Stage || read.Key != key.Hash)
        {
            return $"{CacheManifest.FileName} names {read.Stage}/{read.Key}, not {key.ToFullString()}";
        }
        var problem = CheckFiles(folder, read.Files);
        if (problem is null)
        {
            manifest = read;
        }
        return problem;
    }

    private static string? CheckFiles(string folder, IReadOnlyList<CacheFile> files)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal) { CacheManifest.FileName };
        foreach (var file in files)
        {
            if (!IsSafeRelative(file.Path) || !listed.Add(file.Path))
            {
                return $"manifest lists an invalid or repeated path '{file.Path}'";
            }
            var path = Path.Combine(folder, file.Path);
            if (!File.Exists(path))
            {
                return $"file '{file.Path}' is missing";
            }
            var size = new FileInfo(path).Length;
            if (size != file.Size)
            {
                return $"file '{file.Path}' has {size} bytes, the manifest says {file.Size}";
            }
            var hash = ContentHash.OfFile(path);
            if (hash != file.Sha256)
            {
                return $"file '{file.Path}' has SHA-256 {hash[..12]}…, the manifest says {file.Sha256[..Math.Min(12, file.Sha256.Length)]}…";
            }
        }
        var extra = FolderOps.RelativeFiles(folder).FirstOrDefault(f => !listed.Contains(f));
        return extra is null ? null : $"file '{extra}' is not in the manifest";
    }

    /// <summary>A relative '/'-separated path that stays inside the entry folder.</summary>
    public static bool IsSafeRelative(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\')
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
