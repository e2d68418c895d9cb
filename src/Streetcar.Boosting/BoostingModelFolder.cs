using System.Text.Json;
using Microsoft.ML;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using Streetcar.Core.Json;

namespace Streetcar.Boosting;

/// <summary>
/// A self-contained boosting model folder (<see cref="BoostingModelFolderLayout"/>): enough to predict without
/// the training data or the experiments folder. Every file is a deterministic function of the fit.
/// </summary>
public static class BoostingModelFolder
{
    /// <summary>Writes all files of <paramref name="model"/> into <paramref name="folder"/> (created if missing).</summary>
    public static void Save(string folder, BoostedModel model)
    {
        Directory.CreateDirectory(folder);
        using (var zip = new MemoryStream())
        {
            model.Context.Model.Save(model.Transformer, SplitDataView.InputSchema(model.Context, model.Encoders), zip);
            File.WriteAllBytes(Path.Combine(folder, BoostingModelFolderLayout.Model), StableZip.Normalize(zip.ToArray()));
        }
        StableJson.Write(Path.Combine(folder, BoostingModelFolderLayout.Encoders), model.Encoders);
        StableJson.Write(Path.Combine(folder, BoostingModelFolderLayout.Options), model.Options);
        StableJson.Write(Path.Combine(folder, BoostingModelFolderLayout.Info), model.Info);
        File.WriteAllText(Path.Combine(folder, BoostingModelFolderLayout.Kind), BoostingModelFolderLayout.KindText + "\n");
    }

    /// <summary>Largest JSON file of a boosting model folder read (the book's are a few KiB).</summary>
    public const long MaxJsonBytes = 16 << 20;

    /// <summary>Loads the model of <paramref name="folder"/>; it predicts exactly as when it was saved.</summary>
    public static BoostedModel Load(string folder)
    {
        var modelPath = Path.Combine(folder, BoostingModelFolderLayout.Model);
        if (!File.Exists(modelPath))
        {
            throw new PipelineException($"{folder}: not a boosting model folder ({BoostingModelFolderLayout.Model} missing)");
        }
        PipelineException Unreadable(string file, string problem) => new($"{folder}: unreadable boosting model folder ({file} {problem})");
        T Read<T>(string file) => StableJson.Deserialize<T>(InputFile.ReadText(Path.Combine(folder, file), MaxJsonBytes, p => Unreadable(file, p)));
        try
        {
            var options = Read<GradientBoostingOptions>(BoostingModelFolderLayout.Options);
            var encoders = Read<ColumnEncoder[]>(BoostingModelFolderLayout.Encoders);
            var info = Read<BoostingInfo>(BoostingModelFolderLayout.Info);
            var ml = new MLContext(options.Seed);
            using var stream = InputFile.OpenRegular(modelPath, p => Unreadable(BoostingModelFolderLayout.Model, p));
            var transformer = ml.Model.Load(stream, out _);
            return new BoostedModel(ml, transformer, encoders, options, info);
        }
        // InvalidOperationException: ML.NET's load errors, or a model.zip whose last step is not LightGBM's (TreeScorer).
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new PipelineException($"{folder}: unreadable boosting model folder ({e.Message})");
        }
    }
}
