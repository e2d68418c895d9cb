using System.Globalization;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;
using Streetcar.Prepare;
using Streetcar.Prepare.Fetch;
using Streetcar.Prepare.Ingest;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// <c>streetcar pin</c>'s work: takes every file the years need from the source as it is today (the folder given,
/// else the portal), never a copy already in data/raw/, into a staging folder; checks each copy against its
/// source's bytes and ingests them all; only then moves them into data/raw/ and writes data/workbooks.sha256.
/// A file that cannot be copied faithfully or read leaves data/raw/ and the manifest as they were.
/// </summary>
public static class PinStep
{
    private const string StagingPrefix = ".pin-staging-";

    /// <summary>Pins the source's files; returns the new manifest's changes and the files pinned.</summary>
    public static (ManifestPin.Result Pin, FetchResult Fetched) Run(PipelineContext ctx, string? dataSource)
    {
        var manifestPath = ctx.Workspace.WorkbookManifest;
        var current = File.Exists(manifestPath) ? WorkbookManifest.Read(manifestPath) : null;
        var years = YearRange.Of(PrepareStage.ReadConfig(ctx.Workspace.PrepareConfig));
        Directory.CreateDirectory(ctx.Workspace.RawData);
        using var rawLock = ctx.LockRawData();
        // Under the data/raw lock: a staging folder found here is a killed pin's.
        foreach (var leftover in Directory.EnumerateDirectories(ctx.Workspace.RawData, StagingPrefix + "*"))
        {
            Directory.Delete(leftover, recursive: true);
        }
        var staging = Path.Combine(ctx.Workspace.RawData, StagingPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(staging);
        try
        {
            // An empty target: every file comes from the source (the folder, else the portal), none is "already there".
            var options = new FetchOptions(staging, dataSource, dataSource is null ? FetchOptions.TorontoPortal : null, AcceptNewVintage: true, years);
            var fetched = PrepareStage.FetchAsync(current ?? new WorkbookManifest([]), options, cancel: ctx.Cancel).GetAwaiter().GetResult();
            if (dataSource is not null)
            {
                EnsureFaithful(fetched, dataSource);
            }
            // A workbook the pipeline cannot ingest is not pinned: the next prepare would fail on it.
            ctx.Console.Info($"pin: reading the {fetched.Files.Count} files to check them");
            IncidentIngest.ReadAll(fetched.Paths);
            ctx.Cancel.ThrowIfCancellationRequested();
            var pin = ManifestPin.Apply(current, years, fetched);
            foreach (var file in fetched.Files)
            {
                File.Move(file.Path, Path.Combine(ctx.Workspace.RawData, file.FileName), overwrite: true);
            }
            ManifestPin.Write(pin.Manifest, manifestPath);
            // What a fetch accepted as a new vintage is pinned now (or replaced): the note of it is stale.
            File.Delete(Path.Combine(ctx.Workspace.RawData, "accepted.sha256"));
            return (pin, fetched);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Every copy has its source's bytes (a file changing while it is copied is refused, not pinned half old).</summary>
    private static void EnsureFaithful(FetchResult fetched, string dataSource)
    {
        foreach (var file in fetched.Files)
        {
            var source = Path.Combine(dataSource, file.FileName);
            if (file.Origin != FetchOrigin.Copied || !File.Exists(source))
            {
                throw new DataException($"pin: {file.FileName} was not copied from {dataSource}; pin takes every file from the source it is given");
            }
            var hash = ContentHash.OfFile(source);
            if (hash != file.Sha256)
            {
                throw new DataException($"pin: {file.FileName} changed while it was copied from {dataSource} (SHA-256 {hash[..12]}… there, {file.Sha256[..12]}… copied); nothing pinned, run pin again");
            }
        }
    }
}
