using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;
using Streetcar.Prepare;
using Streetcar.Prepare.Fetch;

namespace Streetcar.Cli.Pipeline;

/// <summary>The raw workbooks in data/raw/, as the manifest data/workbooks.sha256 lists them.</summary>
public sealed record RawData(IReadOnlyList<string> Paths, IReadOnlyDictionary<string, string> Sha256ByFile, FetchResult? Fetched);

/// <summary>FetchData: fills data/raw/ (copy or download) and checks every workbook against its pin.</summary>
public static class RawDataStep
{
    public static RawData Fetch(PipelineContext ctx, string? dataSource, bool acceptNewVintage)
    {
        if (dataSource is not null && !Directory.Exists(dataSource))
        {
            throw new DataException($"--data-source {dataSource}: no such folder");
        }
        using var rawLock = ctx.LockRawData();
        // Without a named source the pinned files shipped in data/ttc/ are copied, so the main job needs neither the
        // network nor a folder outside the checkout. A new vintage is never taken from there: accepting one without a
        // source asks the portal for today's files, as before.
        if (dataSource is null && !acceptNewVintage && Directory.Exists(ctx.Workspace.ShippedData))
        {
            dataSource = ctx.Workspace.ShippedData;
        }
        var manifest = WorkbookManifest.Read(ctx.Workspace.WorkbookManifest);
        // data/prepare.yml's dates decide which yearly files are needed.
        var years = YearRange.Of(PrepareStage.ReadConfig(ctx.Workspace.PrepareConfig));
        var options = new FetchOptions(ctx.Workspace.RawData, dataSource, dataSource is null ? FetchOptions.TorontoPortal : null, acceptNewVintage, years);
        var progress = new SyncProgress<string>(line => ctx.Console.Info($"  {line}"));
        FetchResult fetched;
        try
        {
            fetched = PrepareStage.FetchAsync(manifest, options, progress: progress, cancel: ctx.Cancel).GetAwaiter().GetResult();
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or HttpIOException) && !ctx.Cancel.IsCancellationRequested)
        {
            // A download that fails or times out is bad input (no network, portal down), not a bug or a Ctrl-C.
            throw new DataException($"downloading the workbooks from {options.PortalBaseUrl} failed: {e.Message} (copy them with --data-source DIR instead)");
        }
        var raw = new RawData(fetched.Paths, fetched.Files.ToDictionary(f => f.FileName, f => f.Sha256), fetched);
        // What was accepted on purpose is remembered, so that the verbs after fetch accept those bytes, and only those.
        WorkbookManifest accepted = new(fetched.Files.Where(f => f.IsNewVintage).Select(f => new ManifestEntry(f.FileName, f.Sha256)).ToArray());
        if (accepted.Entries.Count > 0)
        {
            File.WriteAllText(AcceptedFile(ctx), accepted.Format());
        }
        else if (File.Exists(AcceptedFile(ctx)))
        {
            File.Delete(AcceptedFile(ctx));
        }
        return raw;
    }

    /// <summary>
    /// The workbooks already in data/raw/, not fetched again but checked against their pins now, at the moment of
    /// use: a file that does not match its pin (nor a new vintage accepted by the last fetch) is never used.
    /// </summary>
    public static RawData Current(PipelineContext ctx)
    {
        var manifest = WorkbookManifest.Read(ctx.Workspace.WorkbookManifest);
        IReadOnlyList<string> paths;
        try
        {
            paths = PrepareStage.RawFilesPresent(manifest, PrepareStage.ReadConfig(ctx.Workspace.PrepareConfig), ctx.Workspace.RawData);
        }
        catch (DataException e)
        {
            throw new DataException($"{e.Message}: run `streetcar prepare` (or ./build.sh --target=Prepare) first");
        }
        var hashes = paths.ToDictionary(p => Path.GetFileName(p), ContentHash.OfFile);
        var accepted = File.Exists(AcceptedFile(ctx)) ? WorkbookManifest.Read(AcceptedFile(ctx)).Entries : [];
        foreach (var (file, sha256) in hashes)
        {
            var pin = manifest.Entries.FirstOrDefault(e => e.FileName == file);
            if (pin is not null && sha256.Equals(pin.Sha256, StringComparison.OrdinalIgnoreCase) || accepted.Contains(new ManifestEntry(file, sha256)))
            {
                continue;
            }
            var where = Path.GetRelativePath(ctx.Workspace.Root, Path.Combine(ctx.Workspace.RawData, file));
            throw new DataException(pin is null
                ? $"{where} is not pinned in data/workbooks.sha256 and no fetch accepted it: accept it on purpose with `streetcar fetch --accept-new-vintage` (and `streetcar pin` to pin it)"
                : $"{where} does not match its pin in data/workbooks.sha256 (SHA-256 {sha256[..12]}…, pinned {pin.Sha256[..12]}…): fetch the pinned file again, or accept a new vintage on purpose with `streetcar fetch --accept-new-vintage`");
        }
        return new RawData(paths, hashes, null);
    }

    /// <summary>data/raw/accepted.sha256: the new-vintage files the last fetch accepted on purpose (gitignored with data/raw/).</summary>
    private static string AcceptedFile(PipelineContext ctx) => Path.Combine(ctx.Workspace.RawData, "accepted.sha256");

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
