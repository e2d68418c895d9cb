namespace Streetcar.Train.Saving;

/// <summary>File names inside a saved model folder.</summary>
public static class ModelFolderLayout
{
    /// <summary>TorchSharp state dict (<c>module.save</c>): weights and batch-norm statistics.</summary>
    public const string Weights = "weights.dat";

    /// <summary><see cref="Model.ModelArchitecture"/> as JSON.</summary>
    public const string Architecture = "architecture.json";

    /// <summary>The encoders from Prepare, as given.</summary>
    public const string Encoders = "encoders.json";

    /// <summary>The resolved experiment config.</summary>
    public const string Config = "config.json";

    /// <summary><see cref="Training.TrainingHistory"/> as JSON.</summary>
    public const string History = "history.json";
}
