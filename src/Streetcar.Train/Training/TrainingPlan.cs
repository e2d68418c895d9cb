namespace Streetcar.Train.Training;

/// <summary>What a training run is about to do; given to callbacks before the first epoch.</summary>
/// <param name="Experiment">Experiment name, for display.</param>
/// <param name="Epochs">Maximum number of epochs.</param>
/// <param name="BatchesPerEpoch">SGD steps per epoch.</param>
/// <param name="TrainRows">Training rows.</param>
/// <param name="ValidRows">Validation rows.</param>
public sealed record TrainingPlan(string Experiment, int Epochs, int BatchesPerEpoch, int TrainRows, int ValidRows)
{
    /// <summary>First epoch this run trains: 1, or the epoch after the last one of the trajectory it resumes.</summary>
    public int FirstEpoch { get; init; } = 1;

    /// <summary>Which code trains and validates (see <see cref="Model.FusedTrainingStep.Supports"/>).</summary>
    public TrainingPath Path { get; init; } = TrainingPath.Autograd;
}
