using Streetcar.Core.Cache;
using Streetcar.Train;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Train: one cache entry per experiment, its self-contained model folder, derived from the trajectory it is a
/// prefix of by applying its stopping rule (<see cref="TrainStage.Derive"/>).
/// </summary>
public static class TrainStep
{
    /// <summary>The experiment's model folder, derived now from <paramref name="trajectory"/> unless cached.</summary>
    public static CacheEntry Ensure(PipelineContext ctx, ExperimentRun run, Func<CacheEntry> trajectory, PreparedData prepared, bool force)
    {
        var info = new CacheEntryInfo(run.Label, run.Config.Description);
        return ctx.Cache.GetOrCreate(run.TrainKey, info, folder =>
        {
            var history = TrainStage.Derive(trajectory().Folder, run.Config, prepared.Encoders(), folder);
            var kept = history.Chosen == ChosenModel.BestCheckpoint ? $"the best checkpoint (epoch {history.BestEpoch})" : "the final model";
            ctx.Console.Info($"train {run.Label}: {history.Epochs.Count} epoch(s) run, keeping {kept} ({run.TrainKey})");
            if (run.Config.Tensorboard)
            {
                WriteTensorBoard(Path.Combine(ctx.Workspace.Results, "tensorboard", run.Label), history);
            }
        }, force);
    }

    /// <summary>The experiment's epochs as TensorBoard scalars (written from the history, as the run logged them).</summary>
    private static void WriteTensorBoard(string folder, TrainingHistory history)
    {
        var logger = new TensorBoardLogger(folder);
        foreach (var record in history.Epochs)
        {
            logger.OnEpochEnd(record);
        }
    }
}
