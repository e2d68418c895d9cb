using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Prepare;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Output;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Prepare as two cache entries: "grid" (ingest → clean → reshape → encode; keyed by the workbook hashes and
/// data/prepare.yml) and "split" (keyed by the grid and the split parameters), so a new split seed re-splits
/// without reading a workbook.
/// </summary>
public static class PrepareStep
{
    public static PrepareConfig ReadConfig(Workspace workspace) => PrepareStage.ReadConfig(workspace.PrepareConfig);

    public static CacheKey GridKey(PrepareConfig config, RawData raw) => GridBuilder(config, raw).Build();

    public static CacheKey SplitKey(CacheKey grid, ExperimentConfig experiment) => SplitBuilder(grid, experiment).Build();

    /// <summary>The prepared splits for <paramref name="experiment"/>'s split parameters, built if needed.</summary>
    public static PreparedData Ensure(PipelineContext ctx, PrepareConfig config, RawData raw, ExperimentConfig experiment, string? exportCsv = null)
    {
        var gridBuilder = GridBuilder(config, raw);
        var gridKey = gridBuilder.Build();
        var splitBuilder = SplitBuilder(gridKey, experiment);
        var splitKey = splitBuilder.Build();
        if (!ctx.Force && exportCsv is null && ctx.Cache.TryOpen(splitKey, out var cachedSplit))
        {
            return new PreparedData(splitKey, cachedSplit.Folder);
        }

        PreparedGrid? built = null; // kept in memory when built now, so the split need not read it back
        var grid = ctx.Cache.GetOrCreate(gridKey, gridBuilder.Info("data/prepare.yml", $"{ConfigEnum.Name(config.Mode)} grid {config.StartDate:yyyy-MM-dd}..{config.EndDate:yyyy-MM-dd}"), folder =>
        {
            ctx.Console.Info($"prepare: building the grid from {raw.Paths.Count} workbooks (cache key {gridKey})");
            built = PrepareStage.BuildGrid(config, raw.Paths, new LineProgress(ctx.Console, ctx.Cancel), raw.Fetched);
            if (built.Summary.Ingest is { RowsUnreadable: > 0 } ingest)
            {
                ctx.Console.Warn($"prepare: {ingest.RowsUnreadable:N0} row(s) dropped: their Report Date or Time is empty or unparseable (first: {ingest.UnreadableRowSamples[0]}); the report's data-quality notes count them");
            }
            PrepareStage.WriteGrid(folder, built);
        }, ctx.Force);
        Report(ctx, grid);
        PreparedGrid Grid() => built ??= PrepareStage.ReadGrid(grid.Folder);

        if (exportCsv is not null)
        {
            PrepareStage.ExportCsv(exportCsv, Grid(), ExportInputs(ctx.Workspace, raw.Paths));
            ctx.Console.Info($"prepare: exported the grid to {exportCsv}");
        }

        var split = ctx.Cache.GetOrCreate(splitKey, splitBuilder.Info(experiment.Name, $"split seed {experiment.Seeds.Split}"), folder =>
        {
            ctx.Console.Info($"prepare: splitting with seed {experiment.Seeds.Split} (cache key {splitKey})");
            var prepared = Grid();
            ctx.Cancel.ThrowIfCancellationRequested();
            PrepareStage.WriteSplits(folder, prepared, PrepareStage.Split(prepared, experiment.Split, (ulong)experiment.Seeds.Split));
        }, ctx.Force);
        Report(ctx, split);
        return new PreparedData(splitKey, split.Folder);
    }

    /// <summary>
    /// The files <c>--export-csv</c> must never replace: the configs, the manifest, the experiments and the raw
    /// workbooks (those in data/raw and, when given, those of the data source they are copied from).
    /// </summary>
    public static IReadOnlyCollection<string> ExportInputs(Workspace workspace, IEnumerable<string> workbooks, string? dataSource = null)
    {
        static IEnumerable<string> FilesOf(string folder) => Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : [];
        return [workspace.PrepareConfig, workspace.WorkbookManifest, .. FilesOf(workspace.Experiments), .. FilesOf(workspace.RawData),
            .. workbooks, .. dataSource is null ? [] : FilesOf(dataSource)];
    }

    private static CacheKeyBuilder GridBuilder(PrepareConfig config, RawData raw)
    {
        var builder = CacheKeyBuilder.For(StageTable.Grid.Name, StageTable.Grid.Version).Param("prepare", config);
        foreach (var (file, sha256) in raw.Sha256ByFile)
        {
            builder.Input(file, sha256);
        }
        return builder;
    }

    private static CacheKeyBuilder SplitBuilder(CacheKey grid, ExperimentConfig experiment) => StageTable.Split.Builder(grid, experiment);


    private static void Report(PipelineContext ctx, CacheEntry entry)
    {
        if (entry.Outcome == CacheOutcome.Hit)
        {
            ctx.Console.Info($"prepare: {entry.Key.Stage} is cached ({entry.Key})");
        }
    }
}

/// <summary>
/// Progress lines from a stage, indented under the step's own line. Each line is also where a cancelled run stops
/// (after a workbook is read, after cleaning, after reshaping): the stage has no other checks.
/// </summary>
internal sealed class LineProgress(Output.CliConsole console, CancellationToken cancel) : IProgress<string>
{
    public void Report(string value)
    {
        cancel.ThrowIfCancellationRequested();
        console.Info($"  {value}");
    }
}
