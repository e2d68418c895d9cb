using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train;

/// <summary>Everything one experiment's training needs.</summary>
/// <param name="Config">The resolved, validated experiment config.</param>
/// <param name="Train">Training split (Prepare's output).</param>
/// <param name="Valid">Validation split.</param>
/// <param name="Encoders">Prepare's encoders, one per column of the splits; their cardinalities size the embeddings.</param>
/// <param name="OutputFolder">Model folder to write (see <see cref="Saving.ModelFolderLayout"/>).</param>
public sealed record TrainInput(
    ExperimentConfig Config,
    EncodedSplit Train,
    EncodedSplit Valid,
    IReadOnlyList<ColumnEncoder> Encoders,
    string OutputFolder)
{
    /// <summary>Folder for TensorBoard event files, used when <c>config.Tensorboard</c> is on; null: none.</summary>
    public string? TensorBoardFolder { get; init; }

    /// <summary>Observers of the run (progress display); they cannot change what is trained.</summary>
    public IReadOnlyList<ITrainingCallback> Observers { get; init; } = [];

    /// <summary>Model formulation to train (same function either way; fused is faster).</summary>
    public ModelForm Form { get; init; } = ModelForm.Fused;
}
