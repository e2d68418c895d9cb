using Streetcar.Core.Cache;
using Streetcar.Core.Data;
using Streetcar.Train;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Pipeline;

/// <summary>Train: one cache entry per experiment, holding its self-contained model folder.</summary>
public static class TrainStep
{
    /// <summary>The experiment's model folder, trained now unless cached.</summary>
    public static CacheEntry Ensure(PipelineContext ctx, Experiment experiment, Func<PreparedData> prepared)
    {
        if (!ctx.Force && ctx.Cache.TryOpen(experiment.TrainKey, out var cached))
        {
            ctx.Console.Info($"train {experiment.Name}: cached ({experiment.TrainKey}), nothing to train");
            return cached;
        }
        var info = new CacheEntryInfo(experiment.Name, experiment.Config.Description);
        return ctx.Cache.GetOrCreate(experiment.TrainKey, info, folder =>
        {
            ctx.Console.Info($"train {experiment.Name}: training ({experiment.Changes}; cache key {experiment.TrainKey})");
            var data = prepared();
            var input = new TrainInput(experiment.Config, data.Read(PreparedLayout.Train), data.Read(PreparedLayout.Valid), data.Encoders(), folder)
            {
                TensorBoardFolder = experiment.Config.Tensorboard ? Path.Combine(ctx.Workspace.Results, "tensorboard", experiment.Name) : null,
                Progress = ctx.Console.Interactive ? ProgressStyle.Auto : ProgressStyle.Lines,
            };
            StageTiming.Measure(folder, () =>
            {
                using var result = TrainStage.Run(input);
                var h = result.History;
                ctx.Console.Info($"train {experiment.Name}: {h.Epochs.Count} epoch(s) run, evaluating the {(h.Chosen == ChosenModel.BestCheckpoint ? $"best checkpoint (epoch {h.BestEpoch})" : "final model")}");
            });
        }, force: true);
    }
}
