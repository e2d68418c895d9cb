using System.Globalization;

namespace Streetcar.Train.Trajectories;

/// <summary>File names inside a trajectory folder (the "trajectory" cache entry).</summary>
public static class TrajectoryLayout
{
    /// <summary><see cref="TrajectoryHistory"/> as JSON: every epoch's record and the state after the last one.</summary>
    public const string History = "trajectory.json";

    /// <summary>The model's architecture, as a model folder holds it (copied into every model derived from it).</summary>
    public const string Architecture = "architecture.json";

    /// <summary>Folder of the per-epoch state dicts.</summary>
    public const string WeightsFolder = "weights";

    /// <summary>The state dict (weights and batch-norm statistics) after <paramref name="epoch"/>, relative to the folder.</summary>
    public static string EpochWeights(int epoch) =>
        Path.Combine(WeightsFolder, string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D4}.dat"));
}
