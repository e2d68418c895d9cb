using System.Text.Json;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;
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

    /// <summary>Largest JSON file of a model folder read (the book's are a few KiB).</summary>
    public const long MaxJsonBytes = 16 << 20;

    /// <summary>
    /// Rebuilds the model of <paramref name="folder"/>; it predicts exactly as when it was saved. A folder that is
    /// damaged (a file missing, truncated, not a regular file, JSON that does not parse, weights that do not fit
    /// the architecture) is a <see cref="PipelineException"/> naming the folder and the file, never a crash.
    /// </summary>
    public static SavedModel Load(string folder)
    {
        var weights = Path.Combine(folder, ModelFolderLayout.Weights);
        if (!File.Exists(weights))
        {
            throw new PipelineException($"{folder}: not a model folder ({ModelFolderLayout.Weights} missing)");
        }
        var architecture = Read(folder, ModelFolderLayout.Architecture, StableJson.Deserialize<ModelArchitecture>);
        var encoders = Read(folder, ModelFolderLayout.Encoders, StableJson.Deserialize<ColumnEncoder[]>);
        var config = Read(folder, ModelFolderLayout.Config, ExperimentConfigJson.Parse);
        var history = Read(folder, ModelFolderLayout.History, StableJson.Deserialize<TrainingHistory>);
        try
        {
            ExperimentConfigValidator.Validate(config, _ => Path.Combine(folder, ModelFolderLayout.Config));
        }
        catch (ConfigException e)
        {
            throw Damaged(folder, ModelFolderLayout.Config, e.Message);
        }
        CheckConsistent(folder, architecture, encoders);
        InputFile.EnsureRegular(weights, problem => Damaged(folder, ModelFolderLayout.Weights, problem));
        var model = Build(folder, architecture, weights);
        // Score with the thread count the experiment trained with, whatever the machine's core count: another
        // count splits the work differently and can move a probability by an ulp.
        torch.set_num_threads(config.Threads);
        return new SavedModel(model, encoders, config, history);
    }

    /// <summary>The model of <paramref name="architecture"/> with the weights of <paramref name="weights"/>, in inference mode.</summary>
    private static StreetcarModel Build(string folder, ModelArchitecture architecture, string weights)
    {
        StreetcarModel? model = null;
        try
        {
            model = StreetcarModel.Create(architecture);
            model.load(weights);
            model.eval();
            return model;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or FormatException or System.Runtime.InteropServices.ExternalException)
        {
            // A truncated file ends the stream early; weights of another architecture do not fit its tensors.
            model?.Dispose();
            throw Damaged(folder, ModelFolderLayout.Weights, $"does not hold this architecture's weights ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>
    /// The architecture describes a model that can be built, and the encoders give each of its columns as many codes
    /// as it has embedding rows: JSON that parses can still be null where a list belongs, or belong to another model.
    /// </summary>
    private static void CheckConsistent(string folder, ModelArchitecture a, IReadOnlyList<ColumnEncoder> encoders)
    {
        var problem =
            a.Columns is not { Count: > 0 } || a.Cardinalities is null || a.HiddenLayers is null ? "lacks columns, cardinalities or hidden_layers"
            : a.Columns.Count != a.Cardinalities.Count ? $"lists {a.Columns.Count} columns but {a.Cardinalities.Count} cardinalities"
            : a.Cardinalities.Any(c => c < 1) || a.EmbeddingDim < 1 || a.HiddenLayers.Any(w => w < 1) ? "has a size below 1"
            : a.DropoutRate is < 0 or >= 1 || double.IsNaN(a.DropoutRate) ? $"has dropout_rate {a.DropoutRate}, outside [0, 1)"
            : null;
        if (problem is not null)
        {
            throw Damaged(folder, ModelFolderLayout.Architecture, problem);
        }
        var cardinalities = a.Cardinalities!; // checked above
        for (var i = 0; i < a.Columns.Count; i++)
        {
            // JSON may hold null where the types say an encoder or a list cannot be.
            var codes = encoders.FirstOrDefault(e => e?.Column == a.Columns[i]) is { Values: { } values } ? values.Count : -1;
            if (codes != cardinalities[i])
            {
                throw Damaged(folder, ModelFolderLayout.Encoders, $"does not match architecture.json: column '{a.Columns[i]}' has {(codes < 0 ? "no encoder" : $"{codes} codes")}, the model {cardinalities[i]}");
            }
        }
    }

    /// <summary>One JSON file of the folder, parsed; anything wrong with it names the folder and the file.</summary>
    private static T Read<T>(string folder, string file, Func<string, T> parse)
    {
        var text = InputFile.ReadText(Path.Combine(folder, file), MaxJsonBytes, problem => Damaged(folder, file, problem == "not found" ? "missing" : problem));
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw Damaged(folder, file, $"is not valid ({e.Message})");
        }
    }

    private static PipelineException Damaged(string folder, string file, string problem) =>
        new($"{folder}: damaged model folder: {file} {problem}");
}
