using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;

namespace Streetcar.Prepare.Fetch;

/// <summary>
/// Fills the raw data folder with the workbooks of the manifest and verifies every hash. A file already there with
/// the pinned hash is kept; otherwise it is copied from the source folder, else downloaded from the CKAN portal.
/// Copies and downloads go to a temporary file that is renamed into place, so no half-written workbook remains.
/// A hash mismatch is a <see cref="DataException"/> with the file name and both hashes, unless
/// <see cref="FetchOptions.AcceptNewVintage"/> is set, in which case the result records both hashes.
/// </summary>
public static class RawDataFetcher
{
    /// <summary>Fetches and verifies every file of <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The pinned files.</param>
    /// <param name="options">Source, target and portal.</param>
    /// <param name="http">The HTTP client for downloads (null: a private one is created when needed).</param>
    /// <param name="progress">Receives one line per file.</param>
    /// <param name="cancel">Cancels downloads.</param>
    public static async Task<FetchResult> FetchAsync(
        WorkbookManifest manifest,
        FetchOptions options,
        HttpClient? http = null,
        IProgress<string>? progress = null,
        CancellationToken cancel = default)
    {
        Directory.CreateDirectory(options.TargetFolder);
        using var ownHttp = http is null && options.PortalBaseUrl is not null ? new HttpClient() : null;
        var portal = options.PortalBaseUrl is null ? null : new Portal(new CkanClient((http ?? ownHttp)!, options.PortalBaseUrl), options.PortalBaseUrl);
        var files = new List<FetchedFile>();
        foreach (var entry in manifest.Entries)
        {
            var target = Path.Combine(options.TargetFolder, entry.FileName);
            var (hash, origin) = await ObtainAsync(entry, target, options, portal, cancel).ConfigureAwait(false);
            if (hash != entry.Sha256 && !options.AcceptNewVintage)
            {
                throw new DataException(
                    $"{entry.FileName}: SHA-256 mismatch: expected {entry.Sha256} (manifest), got {hash}. " +
                    "The file is a different vintage; accept it on purpose with the accept-new-vintage option.");
            }
            files.Add(new FetchedFile(entry.FileName, Path.GetFullPath(target), hash, entry.Sha256, origin));
            progress?.Report($"{entry.FileName}: {origin.ToString().ToLowerInvariant()}{(hash != entry.Sha256 ? " (new vintage)" : "")}");
        }
        return new FetchResult(files);
    }

    // The portal's resource list is fetched once, on the first download.
    private sealed class Portal(CkanClient client, Uri baseUrl)
    {
        private IReadOnlyList<CkanClient.Resource>? _resources;

        public CkanClient Client => client;

        public async Task<CkanClient.Resource> FindAsync(string fileName, CancellationToken cancel)
        {
            _resources ??= await client.ResourcesAsync(FetchOptions.PackageId, cancel).ConfigureAwait(false);
            return Find(_resources, fileName, baseUrl);
        }
    }

    // Keeps a file with the pinned hash; else copies it from the source folder; else downloads it when absent.
    private static async Task<(string Hash, FetchOrigin Origin)> ObtainAsync(
        ManifestEntry entry, string target, FetchOptions options, Portal? portal, CancellationToken cancel)
    {
        var hash = File.Exists(target) ? ContentHash.OfFile(target) : null;
        if (hash == entry.Sha256)
        {
            return (hash, FetchOrigin.Present);
        }
        var source = options.SourceFolder is null ? null : Path.Combine(options.SourceFolder, entry.FileName);
        if (source is not null && File.Exists(source))
        {
            CopyAtomically(source, target);
            return (ContentHash.OfFile(target), FetchOrigin.Copied);
        }
        if (hash is not null)
        {
            return (hash, FetchOrigin.Present); // a different vintage already in place: the caller decides
        }
        if (portal is null)
        {
            throw new DataException(
                $"{entry.FileName}: workbook missing from {options.TargetFolder}" +
                (options.SourceFolder is null ? "" : $" and from the source folder {options.SourceFolder}") +
                "; no portal to download it from");
        }
        var resource = await portal.FindAsync(entry.FileName, cancel).ConfigureAwait(false);
        await DownloadAtomicallyAsync(portal.Client, resource, target, cancel).ConfigureAwait(false);
        return (ContentHash.OfFile(target), FetchOrigin.Downloaded);
    }

    private static CkanClient.Resource Find(IReadOnlyList<CkanClient.Resource> resources, string fileName, Uri portal)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return resources.FirstOrDefault(r => string.Equals(Path.GetFileName(r.Url.AbsolutePath), fileName, StringComparison.OrdinalIgnoreCase))
            ?? resources.FirstOrDefault(r => string.Equals(r.Name, fileName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.Name, stem, StringComparison.OrdinalIgnoreCase))
            ?? throw new DataException(
                $"{fileName}: not among the resources of '{FetchOptions.PackageId}' on {portal} " +
                $"(found: {string.Join(", ", resources.Select(r => r.Name))})");
    }

    private static void CopyAtomically(string source, string target)
    {
        var partial = target + ".partial";
        try
        {
            File.Copy(source, partial, overwrite: true);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task DownloadAtomicallyAsync(CkanClient client, CkanClient.Resource resource, string target, CancellationToken cancel)
    {
        var partial = target + ".partial";
        try
        {
            await client.DownloadAsync(resource, partial, cancel).ConfigureAwait(false);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
