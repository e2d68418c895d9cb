using Streetcar.Core.Cache;
using Streetcar.Pipeline.Stages;
using Streetcar.Prepare;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Split: the train/validation/test splits and their encoders, from the grid (a root: built by <see cref="PrepareStep"/>
/// before planning, keyed by the workbooks and data/prepare.yml). Prepare builds the splits of a run's experiments
/// before planning too, so a job of this stage runs only when a split entry went missing in between.
/// </summary>
public sealed class SplitStep : Stage
{
    public override string Name => "split";

    public override int Version => PrepareStage.Version;

    public override IReadOnlyList<string> ConfigKeys { get; } = ["seeds.split", "split"];

    public override IReadOnlyList<StageInput> Inputs { get; } = [new(StageTable.GridRoot, StageTable.GridRoot)];

    public override string Summary => "train/validation/test splits and their encoders";

    public override CacheEntry Build(StageJob job)
    {
        var config = job.Runs[0].Config;
        var builder = Builder(job.Inputs[StageTable.GridRoot].Key, config);
        return job.Cache.GetOrCreate(job.Key, builder.Info(config.Name, $"split seed {config.Seeds.Split}"), folder => Produce(job, folder), job.Force);
    }

    protected override void Produce(StageJob job, string folder)
    {
        var config = job.Runs[0].Config;
        job.Progress($"prepare: splitting with seed {config.Seeds.Split} (cache key {job.Key})");
        var grid = PrepareStage.ReadGrid(job.Inputs[StageTable.GridRoot].Folder);
        job.Cancel.ThrowIfCancellationRequested();
        PrepareStage.WriteSplits(folder, grid, PrepareStage.Split(grid, config.Split, (ulong)config.Seeds.Split));
    }

    /// <summary>The split's key builder on <paramref name="grid"/>: its config keys and the grid.</summary>
    public CacheKeyBuilder Builder(CacheKey grid, Core.Config.ExperimentConfig config) => StageConfigKeys.Builder(this, config).Input(StageTable.GridRoot, grid);
}
