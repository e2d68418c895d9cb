using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Trajectories;

/// <summary>Saves the model's state dict after every epoch into the trajectory folder (a few kilobytes each).</summary>
public sealed class EpochWeightsWriter(StreetcarModel model, string folder) : ITrainingCallback
{
    /// <inheritdoc/>
    public void OnTrainBegin(TrainingPlan plan) => Directory.CreateDirectory(Path.Combine(folder, TrajectoryLayout.WeightsFolder));

    /// <inheritdoc/>
    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        model.save(Path.Combine(folder, TrajectoryLayout.EpochWeights(record.Epoch)));
        return EpochVerdict.Continue;
    }
}
