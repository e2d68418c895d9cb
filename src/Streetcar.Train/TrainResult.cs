using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train;

/// <summary>What a training run produced.</summary>
/// <param name="History">Per-epoch metrics and which model was chosen.</param>
/// <param name="Model">The chosen model (best checkpoint or final), in inference mode; the caller disposes it.</param>
/// <param name="ModelFolder">The saved model folder.</param>
/// <param name="WeightsPath">The weights file inside it.</param>
public sealed record TrainResult(TrainingHistory History, StreetcarModel Model, string ModelFolder, string WeightsPath) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();
}
