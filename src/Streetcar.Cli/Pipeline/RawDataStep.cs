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
        var manifest = WorkbookManifest.Read(ctx.Workspace.WorkbookManifest);
        // data/prepare.yml's dates decide which yearly files are needed.
        var years = YearRange.Of(PrepareStage.ReadConfig(ctx.Workspace.PrepareConfig));
        var options = new FetchOptions(ctx.Workspace.RawData, dataSource, dataSource is null ? FetchOptions.TorontoPortal : null, acceptNewVintage, years);
        var progress = new SyncProgress<string>(line => ctx.Console.Info($"  {line}"));
        FetchResult fetched;
        try
        {
            fetched = PrepareStage.FetchAsync(manifest, options, progress: progress).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or HttpIOException)
        {
            // A download that fails or times out is bad input (no network, portal down), not a bug or a Ctrl-C.
            throw new DataException($"downloading the workbooks from {options.PortalBaseUrl} failed: {e.Message} (copy them with --data-source DIR instead)");
        }
        return new RawData(fetched.Paths, fetched.Files.ToDictionary(f => f.FileName, f => f.Sha256), fetched);
    }

    /// <summary>
    /// The workbooks already in data/raw/, hashed but not fetched again (Train, Evaluate and Report only need the
    /// keys; FetchData and Prepare check the pins).
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
            throw new DataException($"{e.Message}: run `streetcar prepare --data-source DIR` (or ./build.sh --target=Prepare) first");
        }
        return new RawData(paths, paths.ToDictionary(p => Path.GetFileName(p), ContentHash.OfFile), null);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
