namespace Streetcar.Train.Training;

/// <summary>
/// Stops training when the run is cancelled (SIGINT/SIGTERM): after the SGD step in progress, by throwing
/// <see cref="OperationCanceledException"/>, so the stage cache discards the unfinished entry. Nothing is trained
/// differently while the token is not cancelled.
/// </summary>
public sealed class CancellationCheck(CancellationToken cancel) : ITrainingCallback
{
    public void OnBatchEnd(int epoch, int batch) => cancel.ThrowIfCancellationRequested();

    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        cancel.ThrowIfCancellationRequested();
        return EpochVerdict.Continue;
    }
}
