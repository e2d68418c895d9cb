using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Train.Inference;
using Streetcar.Train.Model;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;
using Streetcar.Train.Trajectories;
using TorchSharp;

namespace Streetcar.Train;

/// <summary>The Train stage: fits one experiment's model on the prepared splits and saves its model folder.</summary>
public static class TrainStage
{
    /// <summary>Version of the stage's logic; part of every Train cache key.</summary>
    public const int Version = 3;

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
        var architecture = Architecture(config, input.Train, input.Encoders, input.Form);
        var weights = ClassWeights.From(config, input.Train);
        var model = CreateModel(architecture, config);
        using var train = TensorSplit.From(input.Train, model, weights);
        using var valid = TensorSplit.From(input.Valid, model, new ClassWeights(1.0, 1.0));

        var stopping = config.EarlyStopping;
        using var checkpoint = new BestCheckpoint(model, stopping.Monitor, stopping.Mode);
        var early = stopping.Enabled ? new EarlyStopping(stopping.Monitor, stopping.Mode, stopping.Patience) : null;
        var callbacks = new List<ITrainingCallback> { checkpoint };
        callbacks.AddRange(input.Observers);
        if (early is not null)
        {
            callbacks.Add(early);
        }
        if (config.Tensorboard && input.TensorBoardFolder is { } board)
        {
            callbacks.Add(new TensorBoardLogger(board));
        }

        var options = new TrainingOptions(config.Name, config.Epochs, config.BatchSize, config.LearningRate, (ulong)config.Seeds.Shuffle, weights.Zero, weights.One);
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

    /// <summary>
    /// The model of <paramref name="architecture"/> with the initial weights of <paramref name="config"/>'s torch
    /// seed, on the configured thread count. Seeding and drawing the initial weights use libtorch's process-wide
    /// generator, so they happen under one lock: trainings running side by side in this process then start from
    /// exactly the weights each would start from alone (training itself draws from its own generators only).
    /// </summary>
    public static StreetcarModel CreateModel(ModelArchitecture architecture, ExperimentConfig config)
    {
        TorchRuntime.PinCpuCapability();
        lock (TorchRuntime.GeneratorLock)
        {
            TorchRuntime.Pin(config.Threads, config.Seeds.Torch);
            return StreetcarModel.Create(architecture);
        }
    }

    /// <summary>
    /// Writes the model folder of an experiment whose training is a prefix of the trajectory in
    /// <paramref name="trajectoryFolder"/>: its stopping rule (budget, early stopping, best checkpoint) applied to
    /// the recorded epochs picks the epochs run and the weights kept. The files are those
    /// <see cref="Run"/> writes for the experiment trained alone, byte for byte (a test holds it to that).
    /// Needs no libtorch: the kept epoch's state dict is copied as it was saved.
    /// </summary>
    public static TrainingHistory Derive(string trajectoryFolder, ExperimentConfig config, IReadOnlyList<ColumnEncoder> encoders, string outputFolder)
    {
        var trajectory = TrajectoryStage.Read(trajectoryFolder);
        var stopping = config.EarlyStopping;
        var outcome = StoppingRule.Apply(trajectory.Epochs, config.Epochs, stopping);
        if (!outcome.Complete)
        {
            throw new InvalidOperationException($"the trajectory has {trajectory.Epochs.Count} epochs, too few to decide {config.Name}'s {config.Epochs}");
        }
        if (outcome.Chosen == ChosenModel.BestCheckpoint && outcome.BestEpoch is null)
        {
            throw new PipelineException($"{config.Name}: no epoch improved {stopping.Monitor}, so there is no best checkpoint to keep");
        }
        var history = new TrainingHistory(config.Name, trajectory.Epochs.Take(outcome.EpochsRun).ToArray(), stopping.Monitor, stopping.Mode,
            stopping.Enabled, outcome.BestEpoch, outcome.StoppedEpoch, outcome.Chosen, trajectory.ZeroWeight, trajectory.OneWeight);
        Directory.CreateDirectory(outputFolder);
        File.Copy(Path.Combine(trajectoryFolder, TrajectoryLayout.EpochWeights(outcome.ChosenEpoch)), Path.Combine(outputFolder, ModelFolderLayout.Weights));
        File.Copy(Path.Combine(trajectoryFolder, TrajectoryLayout.Architecture), Path.Combine(outputFolder, ModelFolderLayout.Architecture));
        ModelFolder.SaveDescription(outputFolder, encoders, config, history);
        return history;
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
