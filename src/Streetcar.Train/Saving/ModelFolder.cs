using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Core.Json;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

using TorchSharp;

namespace Streetcar.Train.Saving;

/// <summary>
/// A self-contained model folder (<see cref="ModelFolderLayout"/>): enough to predict without the training
/// data or the experiments folder. Every file is a deterministic function of the run.
/// </summary>
public static class ModelFolder
{
    /// <summary>Writes all files of the model folder <paramref name="folder"/> (created if missing).</summary>
    public static void Save(string folder, StreetcarModel model, IReadOnlyList<ColumnEncoder> encoders, ExperimentConfig config, TrainingHistory history)
    {
        Directory.CreateDirectory(folder);
        model.save(Path.Combine(folder, ModelFolderLayout.Weights));
        StableJson.Write(Path.Combine(folder, ModelFolderLayout.Architecture), model.Architecture);
        SaveDescription(folder, encoders, config, history);
    }

    /// <summary>The files of a model folder besides the weights and the architecture: encoders, config, history.</summary>
    public static void SaveDescription(string folder, IReadOnlyList<ColumnEncoder> encoders, ExperimentConfig config, TrainingHistory history)
    {
        StableJson.Write(Path.Combine(folder, ModelFolderLayout.Encoders), encoders);
        File.WriteAllText(Path.Combine(folder, ModelFolderLayout.Config), ExperimentConfigJson.Resolved(config));
        StableJson.Write(Path.Combine(folder, ModelFolderLayout.History), history);
    }

    /// <summary>Rebuilds the model of <paramref name="folder"/>; it predicts exactly as when it was saved.</summary>
    public static SavedModel Load(string folder)
    {
        var weights = Path.Combine(folder, ModelFolderLayout.Weights);
        if (!File.Exists(weights))
        {
            throw new PipelineException($"{folder}: not a model folder ({ModelFolderLayout.Weights} missing)");
        }
        var architecture = StableJson.Read<ModelArchitecture>(Path.Combine(folder, ModelFolderLayout.Architecture));
        var model = StreetcarModel.Create(architecture);
        model.load(weights);
        model.eval();
        var encoders = StableJson.Read<ColumnEncoder[]>(Path.Combine(folder, ModelFolderLayout.Encoders));
        var config = ExperimentConfigJson.Parse(File.ReadAllText(Path.Combine(folder, ModelFolderLayout.Config)));
        var history = StableJson.Read<TrainingHistory>(Path.Combine(folder, ModelFolderLayout.History));
        // Score with the thread count the experiment trained with, whatever the machine's core count: another
        // count splits the work differently and can move a probability by an ulp.
        torch.set_num_threads(config.Threads);
        return new SavedModel(model, encoders, config, history);
    }
}
