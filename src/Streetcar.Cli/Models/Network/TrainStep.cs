using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;
using Streetcar.Pipeline.Stages;
using Streetcar.Train;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Models.Network;

/// <summary>
/// Train: one cache entry per run, its self-contained model folder, derived from the trajectory it is a prefix
/// of by applying its stopping rule (<see cref="TrainStage.Derive"/>). It stores the whole resolved config (scoring
/// reads its threshold), so its key holds every key; deriving it takes milliseconds, not training.
/// </summary>
public sealed class TrainStep : Stage
{
    public override string Name => "train";

    public override int Version => TrainStage.Version;

    public override IReadOnlyList<string> ConfigKeys { get; } = [StageConfigKeys.EveryKey];

    public override IReadOnlyList<StageInput> Inputs { get; } = [new("trajectory", "trajectory"), new("prepared", "split")];

    public override string Summary => "self-contained model folder: the kept epoch's weights, encoders, config, history";

    protected override void Produce(StageJob job, string folder)
    {
        var run = job.Runs[0];
        var host = job.HostAs<StageHost>();
        var history = TrainStage.Derive(job.Inputs["trajectory"].Folder, run.Config, host.Prepared(job.Inputs["prepared"]).Encoders(), folder);
        var kept = history.Chosen == ChosenModel.BestCheckpoint ? $"the best checkpoint (epoch {history.BestEpoch})" : "the final model";
        job.Progress($"train {run.Label}: {history.Epochs.Count} epoch(s) run, keeping {kept} ({job.Key})");
        if (run.Config.Tensorboard)
        {
            WriteTensorBoard(Path.Combine(host.Context.Workspace.Results, "tensorboard", run.Label), history);
        }
    }

    /// <summary>The run's epochs as TensorBoard scalars (written from the history, as the run logged them).</summary>
    private static void WriteTensorBoard(string folder, TrainingHistory history)
    {
        var logger = new TensorBoardLogger(folder);
        foreach (var record in history.Epochs)
        {
            logger.OnEpochEnd(record);
        }
    }
}
