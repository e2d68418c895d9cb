using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using Streetcar.Core.Hashing;
using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Fetch;

/// <summary>
/// Fills the raw data folder with the files the config's years need and verifies every hash. The pinned files of
/// those years (the manifest's entries whose name carries a year in <see cref="FetchOptions.Years"/>, or every entry
/// when no years are given): a file already there with the pinned hash is kept; otherwise it is copied from the
/// source folder, else downloaded from the CKAN portal. A hash mismatch is a <see cref="DataException"/> with the
/// file name and both hashes, unless <see cref="FetchOptions.AcceptNewVintage"/> is set, in which case the result
/// records both hashes. Years no pinned file covers are an error too, unless a new vintage is accepted: then their
/// files come from the source folder, else the raw folder, else the portal (<see cref="ResourcePicker"/>), unpinned.
/// Copies and downloads go to a temporary file that is renamed into place, so no half-written file remains.
/// </summary>
public static class RawDataFetcher
{
    /// <summary>Fetches and verifies every file the years of <paramref name="options"/> need.</summary>
    /// <param name="manifest">The pinned files.</param>
    /// <param name="options">Source, target, portal and years.</param>
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
        var pinned = Pinned(manifest, options.Years);
        var unpinnedYears = options.Years?.NotCoveredBy(pinned.Select(e => e.FileName)) ?? [];
        if (unpinnedYears.Count > 0 && !options.AcceptNewVintage)
        {
            throw NoPin(unpinnedYears, options.Years!);
        }
        var files = new List<FetchedFile>();
        foreach (var entry in pinned)
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
        if (unpinnedYears.Count > 0)
        {
            foreach (var file in await ObtainUnpinnedAsync(unpinnedYears, options, portal, cancel).ConfigureAwait(false))
            {
                files.Add(file);
                progress?.Report($"{file.FileName}: {file.Origin.ToString().ToLowerInvariant()} (not pinned)");
            }
        }
        return new FetchResult(files.OrderBy(f => f.FileName, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The raw files already in <paramref name="folder"/> that <paramref name="years"/> need, as
    /// <see cref="FetchAsync"/> would leave them (pinned files of those years, then files for years no pin covers),
    /// without fetching or checking hashes; a missing one is an error naming it.
    /// </summary>
    public static IReadOnlyList<string> Present(WorkbookManifest manifest, YearRange? years, string folder)
    {
        var pinned = Pinned(manifest, years);
        var paths = pinned.Select(e => Path.Combine(folder, e.FileName)).ToList();
        var missing = paths.Where(p => !File.Exists(p)).Select(Path.GetFileName).ToArray();
        if (missing.Length > 0)
        {
            throw new DataException($"{string.Join(", ", missing)} not in {folder}");
        }
        var unpinnedYears = years?.NotCoveredBy(pinned.Select(e => e.FileName)) ?? [];
        if (unpinnedYears.Count > 0)
        {
            var found = YearFiles(folder, unpinnedYears);
            var stillMissing = FileYear.Uncovered(unpinnedYears, found.Select(p => Path.GetFileName(p)));
            if (stillMissing.Count > 0)
            {
                throw new DataException($"no file for {string.Join(", ", stillMissing)} in {folder}");
            }
            paths.AddRange(found);
        }
        return paths.OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToArray();
    }

    // The manifest entries the years need (all of them when no years are given).
    private static IReadOnlyList<ManifestEntry> Pinned(WorkbookManifest manifest, YearRange? years) =>
        years is null ? manifest.Entries : manifest.Entries.Where(e => years.Needs(e.FileName)).ToArray();

    private static DataException NoPin(IReadOnlyList<int> years, YearRange range) => new(
        $"no pinned file for {string.Join(", ", years)} in the manifest (data/workbooks.sha256), which the grid dates " +
        $"({range}) need. Take the portal's current files on purpose with the accept-new-vintage option, review them, " +
        "then pin them (streetcar pin).");

    // The portal's resource list is fetched once, on the first download.
    private sealed class Portal(CkanClient client, Uri baseUrl)
    {
        private IReadOnlyList<CkanClient.Resource>? _resources;

        public CkanClient Client => client;

        public Uri BaseUrl => baseUrl;

        public async Task<IReadOnlyList<CkanClient.Resource>> ResourcesAsync(CancellationToken cancel) =>
            _resources ??= await client.ResourcesAsync(FetchOptions.PackageId, cancel).ConfigureAwait(false);

        public async Task<CkanClient.Resource> FindAsync(string fileName, CancellationToken cancel) =>
            Find(await ResourcesAsync(cancel).ConfigureAwait(false), fileName, baseUrl);
    }

    // Keeps a file with the pinned hash; else copies it from the source folder; else downloads it when absent.
    private static async Task<(string Hash, FetchOrigin Origin)> ObtainAsync(
        ManifestEntry entry, string target, FetchOptions options, Portal? portal, CancellationToken cancel)
    {
        var hash = File.Exists(target) ? HashOf(target) : null;
        if (hash == entry.Sha256)
        {
            return (hash, FetchOrigin.Present);
        }
        var source = options.SourceFolder is null ? null : Path.Combine(options.SourceFolder, entry.FileName);
        if (source is not null && File.Exists(source))
        {
            CopyAtomically(source, target);
            return (HashOf(target), FetchOrigin.Copied);
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
        return (HashOf(target), FetchOrigin.Downloaded);
    }

    // Files for years no pin covers: from the source folder, else already in the raw folder, else the portal's.
    private static async Task<List<FetchedFile>> ObtainUnpinnedAsync(
        IReadOnlyList<int> years, FetchOptions options, Portal? portal, CancellationToken cancel)
    {
        var files = new List<FetchedFile>();
        var left = years.ToList();
        void Take(IEnumerable<string> paths, FetchOrigin origin)
        {
            foreach (var path in paths)
            {
                files.Add(new FetchedFile(Path.GetFileName(path), Path.GetFullPath(path), HashOf(path), null, origin));
            }
            left = FileYear.Uncovered(years, files.Select(f => f.FileName));
        }
        if (options.SourceFolder is not null && Directory.Exists(options.SourceFolder))
        {
            var copied = new List<string>();
            foreach (var source in YearFiles(options.SourceFolder, left))
            {
                var target = Path.Combine(options.TargetFolder, Path.GetFileName(source));
                CopyAtomically(source, target);
                copied.Add(target);
            }
            Take(copied, FetchOrigin.Copied);
        }
        if (left.Count > 0)
        {
            Take(YearFiles(options.TargetFolder, left), FetchOrigin.Present);
        }
        if (left.Count > 0 && portal is not null)
        {
            var picks = ResourcePicker.ForYears(await portal.ResourcesAsync(cancel).ConfigureAwait(false), left);
            var downloaded = new List<string>();
            foreach (var pick in picks)
            {
                var target = Path.Combine(options.TargetFolder, pick.FileName);
                await DownloadAtomicallyAsync(portal.Client, pick.Resource, target, cancel).ConfigureAwait(false);
                downloaded.Add(target);
            }
            Take(downloaded, FetchOrigin.Downloaded);
        }
        if (left.Count > 0)
        {
            throw new DataException(
                $"no file for {string.Join(", ", left)} in {options.TargetFolder}" +
                (options.SourceFolder is null ? "" : $", in the source folder {options.SourceFolder}") +
                (portal is null ? "" : $" or among the resources of '{FetchOptions.PackageId}' on {portal.BaseUrl}"));
        }
        return files;
    }

    // The xlsx and yearly csv files of a folder that cover any of the years; a stem in both formats counts as its xlsx.
    private static IReadOnlyList<string> YearFiles(string folder, IReadOnlyCollection<int> years) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.xlsx").Concat(Directory.GetFiles(folder, "*.csv"))
                .Where(p => FileYear.SpanOf(p) is { } span && years.Any(y => span.First <= y && y <= span.Last))
                .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.OrderBy(WorkbookReader.IsCsv).First())
                .Order(StringComparer.Ordinal)
                .ToArray();

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

    /// <summary>The hash of a workbook, refused unread unless it is a regular file (a FIFO blocks, a device never ends).</summary>
    private static string HashOf(string path)
    {
        Regular(path);
        return ContentHash.OfFile(path);
    }

    private static void Regular(string path) => InputFile.EnsureRegular(path, problem => new DataException($"{path}: {problem}"));

    private static void CopyAtomically(string source, string target)
    {
        Regular(source);
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
