using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Json;
using Streetcar.Pipeline.Stages;
using Streetcar.Train;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Models.Network;

/// <summary>
/// <c>model: network</c>, the book's: a trajectory (shared by experiments that differ only in when they stop), then
/// the model folder its stopping rule derives from it.
/// </summary>
public sealed class NetworkKind : IModelKind
{
    public static TrajectoryStep Trajectory { get; } = new();

    public static TrainStep Train { get; } = new();

    public ModelKind Kind => ModelKind.Network;

    public IReadOnlyList<IStage> Stages { get; } = [Trajectory, Train];

    public int Threads(ExperimentConfig config) => config.Threads;

    public int Budget(ExperimentConfig config) => config.Epochs;

    public string Changes(ExperimentConfig config)
    {
        // What differs from the book's model, only when it does, so the book's rows read as they always did.
        var book = new ExperimentConfig();
        var model = new List<string>();
        if (config.HiddenLayers.Length > 0)
        {
            model.Add($"hidden layers [{string.Join(", ", config.HiddenLayers)}]");
        }
        if (config.OutputActivation != book.OutputActivation)
        {
            model.Add($"{ConfigEnum.Name(config.OutputActivation)} output");
        }
        if (config.LearningRate != book.LearningRate)
        {
            model.Add($"learning rate {config.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        var prefix = model.Count == 0 ? "" : string.Join(", ", model) + ", ";
        var weighting = config.Weighting == ClassWeighting.Balanced
            ? config.OneWeightOffset == 0 ? "weighted" : $"weighted (offset {config.OneWeightOffset})"
            : "unweighted";
        var stopping = config.EarlyStopping.Enabled
            ? $"early stopping on {ConfigEnum.Name(config.EarlyStopping.Monitor)} ({ConfigEnum.Name(config.EarlyStopping.Mode)}, patience {config.EarlyStopping.Patience})"
            : "no early stopping";
        return $"{prefix}{config.Epochs} epoch{(config.Epochs == 1 ? "" : "s")}, {weighting}, {stopping}";
    }

    public bool Holds(string folder) => File.Exists(Path.Combine(folder, ModelFolderLayout.History)) && File.Exists(Path.Combine(folder, ModelFolderLayout.Weights));

    public ModelPredictor Load(string folder)
    {
        var saved = ModelFolder.Load(folder);
        return new ModelPredictor(split => TrainStage.Predict(saved.Model, split), saved.History.ChosenLabel, saved);
    }

    public TrainedModel Read(CacheEntry entry)
    {
        var history = StableJson.Read<TrainingHistory>(entry.PathOf(ModelFolderLayout.History));
        return new TrainedModel(history.Epochs.Count, history.ChosenEpoch, history.ChosenLabel,
            history.BestEpoch, history.Epochs[history.ChosenEpoch - 1].ValLoss, history.Epochs);
    }
}
