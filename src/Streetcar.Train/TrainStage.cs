using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Train.Inference;
using Streetcar.Train.Model;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;
using TorchSharp;

namespace Streetcar.Train;

/// <summary>The Train stage: fits one experiment's model on the prepared splits and saves its model folder.</summary>
public static class TrainStage
{
    /// <summary>Version of the stage's logic; part of every Train cache key.</summary>
    public const int Version = 2;

    /// <summary>Book's embedding width per column.</summary>
    public const int EmbeddingDim = 10;

    /// <summary>
    /// Seeds torch, pins its thread count (and the CPU kernel family, if no tensor op ran yet in this process:
    /// the CLI should call <see cref="TorchRuntime.PinCpuCapability"/> first thing), trains with the configured callbacks, keeps the best checkpoint when
    /// early stopping is on (else the final weights) and saves the model folder.
    /// </summary>
    public static TrainResult Run(TrainInput input)
    {
        var config = input.Config;
        foreach (var split in new[] { input.Train, input.Valid })
        {
            if (split.Rows == 0)
            {
                throw new DataException($"{split.Name}: the split has no rows");
            }
        }
        TorchRuntime.PinCpuCapability();
        TorchRuntime.Pin(config.Threads, config.Seeds.Torch);
        var architecture = Architecture(config, input.Train, input.Encoders, input.Form);
        var weights = ClassWeights.From(config, input.Train);
        var model = StreetcarModel.Create(architecture);
        using var train = TensorSplit.From(input.Train, model, weights);
        using var valid = TensorSplit.From(input.Valid, model, new ClassWeights(1.0, 1.0));

        var stopping = config.EarlyStopping;
        using var checkpoint = new BestCheckpoint(model, stopping.Monitor, stopping.Mode);
        var early = stopping.Enabled ? new EarlyStopping(stopping.Monitor, stopping.Mode, stopping.Patience) : null;
        using var progress = new ProgressReporter(input.Progress, input.ProgressLines ?? Console.Error);
        var callbacks = new List<ITrainingCallback> { checkpoint, progress };
        if (early is not null)
        {
            callbacks.Add(early);
        }
        if (config.Tensorboard && input.TensorBoardFolder is { } board)
        {
            callbacks.Add(new TensorBoardLogger(board));
        }

        var options = new TrainingOptions(config.Name, config.Epochs, config.BatchSize, config.LearningRate, (ulong)config.Seeds.Shuffle);
        var epochs = Trainer.Fit(model, train, valid, options, callbacks);
        var chosen = stopping.Enabled ? ChosenModel.BestCheckpoint : ChosenModel.Final;
        if (chosen == ChosenModel.BestCheckpoint)
        {
            checkpoint.Restore();
        }
        model.eval();
        var history = new TrainingHistory(config.Name, epochs, stopping.Monitor, stopping.Mode, stopping.Enabled,
            checkpoint.BestEpoch, early?.StoppedEpoch, chosen, weights.Zero, weights.One);
        ModelFolder.Save(input.OutputFolder, model, input.Encoders, config, history);
        return new TrainResult(history, model, input.OutputFolder, Path.Combine(input.OutputFolder, ModelFolderLayout.Weights));
    }

    /// <summary>Probability of a delay for every row of <paramref name="split"/> (see <see cref="Predictor"/>).</summary>
    public static float[] Predict(StreetcarModel model, EncodedSplit split) => Predictor.Predict(model, split);

    /// <summary>The architecture for <paramref name="config"/> and the columns of <paramref name="train"/>.</summary>
    public static ModelArchitecture Architecture(ExperimentConfig config, EncodedSplit train, IReadOnlyList<ColumnEncoder> encoders, ModelForm form)
    {
        var cardinalities = train.Columns.Select(column =>
            encoders.FirstOrDefault(e => e.Column == column)?.Cardinality
            ?? throw new DataException($"{train.Name}: no encoder for column '{column}'")).ToArray();
        return new ModelArchitecture(train.Columns.ToArray(), cardinalities, EmbeddingDim, config.HiddenLayers.ToArray(),
            config.OutputActivation, config.DropoutRate, form);
    }
}
