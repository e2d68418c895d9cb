namespace Streetcar.Train.Training;

/// <summary>
/// Observes a training run. Only <see cref="OnEpochEnd"/> is required; it receives the read-only record of
/// the epoch and may ask to stop. Callbacks never touch tensors, so they cannot change what is trained
/// (except <see cref="BestCheckpoint"/>, which only copies weights).
/// </summary>
public interface ITrainingCallback
{
    /// <summary>Before the first epoch.</summary>
    void OnTrainBegin(TrainingPlan plan)
    {
    }

    /// <summary>After each SGD step; <paramref name="batch"/> is 1-based.</summary>
    void OnBatchEnd(int epoch, int batch)
    {
    }

    /// <summary>After each epoch's validation.</summary>
    EpochVerdict OnEpochEnd(EpochRecord record);

    /// <summary>After the last epoch (also when stopped early).</summary>
    void OnTrainEnd()
    {
    }
}
