using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Trajectories;

/// <summary>Everything one training trajectory needs.</summary>
/// <param name="Config">A config of the trajectory: only the keys that shape it are read (not the stopping rule).</param>
/// <param name="Train">Training split.</param>
/// <param name="Valid">Validation split.</param>
/// <param name="Encoders">Prepare's encoders; their cardinalities size the embeddings.</param>
/// <param name="MaxEpochs">Length at which the trajectory stops in any case (the largest budget sharing it).</param>
/// <param name="Settled">True once the records so far settle every experiment sharing the trajectory.</param>
/// <param name="OutputFolder">Trajectory folder to write (<see cref="TrajectoryLayout"/>).</param>
public sealed record TrajectoryInput(
    ExperimentConfig Config,
    EncodedSplit Train,
    EncodedSplit Valid,
    IReadOnlyList<ColumnEncoder> Encoders,
    int MaxEpochs,
    Func<IReadOnlyList<EpochRecord>, bool> Settled,
    string OutputFolder)
{
    /// <summary>A shorter trajectory of the same shape to resume from (its folder), or null to start at epoch 1.</summary>
    public string? ResumeFrom { get; init; }

    /// <summary>Observers of the epochs trained now (progress display); they cannot change what is trained.</summary>
    public IReadOnlyList<ITrainingCallback> Observers { get; init; } = [];

    /// <summary>Name shown by progress observers.</summary>
    public string Label { get; init; } = "";

    /// <summary>Model formulation (same function either way; fused is faster).</summary>
    public ModelForm Form { get; init; } = ModelForm.Fused;
}
