using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using Streetcar.Core.Hashing;
using Streetcar.Prepare.Clean;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Encode;
using Streetcar.Prepare.Fetch;
using Streetcar.Prepare.Ingest;
using Streetcar.Prepare.Output;
using Streetcar.Prepare.Reshape;

namespace Streetcar.Prepare;

/// <summary>
/// The Prepare stage: raw workbooks → ingest → clean → reshape → encode (<see cref="BuildGrid"/>, the "grid" cache
/// entry) → seeded split (<see cref="Split"/>, the "split" cache entry), plus the writers of both. File I/O is at the
/// edges; each step in between is a pure function of its input.
/// </summary>
public static class PrepareStage
{
    /// <summary>Version of the stage's logic; part of every Prepare cache key.</summary>
    /// <remarks>4: the out-of-time test period ends at the grid's last day with a record.</remarks>
    public const int Version = 4;

    /// <summary>Reads and validates a Prepare config (e.g. <c>data/prepare.yml</c>).</summary>
    public static PrepareConfig ReadConfig(string path) => YamlConfigReader.Read<PrepareConfig>(path).Validate(path);

    /// <summary>
    /// SHA-256 of the config's canonical form (<see cref="Canonical"/>), the same form the "grid" cache key encodes
    /// the config in. Two configs with the same values have the same fingerprint.
    /// </summary>
    public static string ConfigFingerprint(PrepareConfig config) => Canonical.Hash(config);

    /// <summary>
    /// The raw files in <paramref name="folder"/>, in ordinal name order: every <c>*.xlsx</c> workbook and every
    /// <c>*.csv</c> whose name carries a year (the portal's yearly resources; a CSV without one, such as the book's
    /// route/direction table beside the workbooks, is not delay data). None is an error.
    /// </summary>
    public static IReadOnlyList<string> WorkbooksIn(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DataException($"{folder}: raw data folder not found");
        }
        var paths = Directory.GetFiles(folder, "*.xlsx").Concat(Directory.GetFiles(folder, "*.csv").Where(p => FileYear.Of(p) is not null))
            .Order(StringComparer.Ordinal).ToArray();
        return paths.Length > 0 ? paths : throw new DataException($"{folder}: no workbooks (*.xlsx) or CSV files (*.csv) in the raw data folder");
    }

    /// <summary>
    /// The raw files already in <paramref name="folder"/> that <paramref name="config"/>'s years need (see
    /// <see cref="RawDataFetcher.Present"/>), without fetching.
    /// </summary>
    public static IReadOnlyList<string> RawFilesPresent(WorkbookManifest manifest, PrepareConfig config, string folder) =>
        RawDataFetcher.Present(manifest, YearRange.Of(config), folder);

    /// <summary>Copies/downloads and verifies the pinned workbooks (see <see cref="RawDataFetcher"/>).</summary>
    public static Task<FetchResult> FetchAsync(
        WorkbookManifest manifest, FetchOptions options, HttpClient? http = null, IProgress<string>? progress = null,
        CancellationToken cancel = default) =>
        RawDataFetcher.FetchAsync(manifest, options, http, progress, cancel);

    /// <summary>
    /// Builds the encoded, unsplit grid from <paramref name="workbooks"/> (read in the given order) under
    /// <paramref name="config"/> (validated). <paramref name="fetched"/>, when given, supplies the pinned hashes for
    /// the summary; otherwise the workbooks are hashed here.
    /// </summary>
    public static PreparedGrid BuildGrid(
        PrepareConfig config, IReadOnlyList<string> workbooks, IProgress<string>? progress = null, FetchResult? fetched = null)
    {
        var sources = Sources(workbooks, fetched);
        var ingest = IncidentIngest.ReadAll(workbooks, progress);
        progress?.Report($"ingested {ingest.Rows.Count} rows from {workbooks.Count} workbooks");
        var clean = IncidentCleaner.Clean(ingest.Rows, config.DropBadRows, config.VehicleRanges.Select(r => (r.First, r.Last)).ToArray());
        progress?.Report($"cleaned: {clean.Stats.RowsAfterRemoval} rows kept");
        var reshape = GridBuilder.Build(clean.Incidents, config);
        progress?.Report($"reshaped ({ConfigEnum.Name(config.Mode)}): {reshape.Stats.Rows} rows, {reshape.Stats.Delays} delays");
        var (grid, encoders) = GridEncoder.Encode(reshape.Grid);
        var summary = new DataSummary(
            Version,
            sources,
            sources.Any(s => s.PinnedSha256 is not null || s.NotPinned),
            config,
            IngestSummary.Of(ingest),
            clean.Stats,
            reshape.Stats,
            encoders.ToDictionary(e => e.Column, e => e.Cardinality),
            Vintage: DataVintage.Of(sources));
        return new PreparedGrid(grid, encoders, summary);
    }

    /// <summary>Splits a prepared grid with <paramref name="config"/> (validated); needs no workbook.</summary>
    public static DatasetSplits Split(PreparedGrid grid, SplitConfig config, ulong seed) => GridSplitter.Split(grid.Grid, config, seed, grid.Encoders);

    /// <summary>Writes the unsplit grid, encoders and grid summary into <paramref name="folder"/>.</summary>
    public static void WriteGrid(string folder, PreparedGrid grid) => PreparedGridStore.Write(folder, grid);

    /// <summary>Reads a grid written by <see cref="WriteGrid"/>.</summary>
    public static PreparedGrid ReadGrid(string folder) => PreparedGridStore.Read(folder);

    /// <summary>
    /// Writes the Prepare output (<see cref="PreparedLayout"/>): train/valid/test.bin, encoders.json and summary.json
    /// (the grid's summary with the split figures).
    /// </summary>
    public static void WriteSplits(string folder, PreparedGrid grid, DatasetSplits splits) =>
        PreparedWriter.Write(folder, grid, splits);

    /// <summary>Exports the unsplit grid as CSV (raw values and codes, target) for inspection.</summary>
    public static void ExportCsv(string path, PreparedGrid grid, IReadOnlyCollection<string>? inputs = null) =>
        OutputFile.Write(path, "--export-csv", inputs ?? [], stream => GridCsvExporter.Write(stream, grid.Grid, grid.Encoders));

    private static List<SourceWorkbook> Sources(IReadOnlyList<string> workbooks, FetchResult? fetched)
    {
        var byPath = fetched?.Files.ToDictionary(f => Path.GetFullPath(f.Path), f => f) ?? [];
        return workbooks.Select(path =>
        {
            if (byPath.TryGetValue(Path.GetFullPath(path), out var file))
            {
                return new SourceWorkbook(file.FileName, file.Sha256, file.IsNewVintage ? file.PinnedSha256 : null, file.IsUnpinned);
            }
            if (!File.Exists(path))
            {
                throw new DataException($"{Path.GetFileName(path)}: workbook not found at {path}");
            }
            return new SourceWorkbook(Path.GetFileName(path), ContentHash.OfFile(path));
        }).ToList();
    }
}
