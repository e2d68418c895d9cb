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
        HttpClient? ownHttp = null;
        IReadOnlyList<CkanClient.Resource>? resources = null;
        var files = new List<FetchedFile>();
        try
        {
            foreach (var entry in manifest.Entries)
            {
                var target = Path.Combine(options.TargetFolder, entry.FileName);
                var origin = FetchOrigin.Present;
                var hash = File.Exists(target) ? ContentHash.OfFile(target) : null;
                if (hash != entry.Sha256)
                {
                    var source = options.SourceFolder is null ? null : Path.Combine(options.SourceFolder, entry.FileName);
                    if (source is not null && File.Exists(source))
                    {
                        CopyAtomically(source, target);
                        origin = FetchOrigin.Copied;
                    }
                    else if (hash is null && options.PortalBaseUrl is not null)
                    {
                        var client = new CkanClient(http ?? (ownHttp ??= new HttpClient()), options.PortalBaseUrl);
                        resources ??= await client.ResourcesAsync(FetchOptions.PackageId, cancel).ConfigureAwait(false);
                        await DownloadAtomicallyAsync(client, Find(resources, entry.FileName, options.PortalBaseUrl), target, cancel)
                            .ConfigureAwait(false);
                        origin = FetchOrigin.Downloaded;
                    }
                    else if (hash is null)
                    {
                        throw new DataException(
                            $"{entry.FileName}: workbook missing from {options.TargetFolder}" +
                            (options.SourceFolder is null ? "" : $" and from the source folder {options.SourceFolder}") +
                            (options.PortalBaseUrl is null ? "; no portal to download it from" : ""));
                    }
                    hash = ContentHash.OfFile(target);
                }
                if (hash != entry.Sha256 && !options.AcceptNewVintage)
                {
                    throw new DataException(
                        $"{entry.FileName}: SHA-256 mismatch: expected {entry.Sha256} (manifest), got {hash}. " +
                        "The file is a different vintage; accept it on purpose with the accept-new-vintage option.");
                }
                files.Add(new FetchedFile(entry.FileName, Path.GetFullPath(target), hash, entry.Sha256, origin));
                progress?.Report($"{entry.FileName}: {origin.ToString().ToLowerInvariant()}{(hash != entry.Sha256 ? " (new vintage)" : "")}");
            }
        }
        finally
        {
            ownHttp?.Dispose();
        }
        return new FetchResult(files);
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
