using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Saving;

/// <summary>A model loaded back from its folder, with everything saved beside it.</summary>
/// <param name="Model">The model, in inference mode.</param>
/// <param name="Encoders">The encoders of its input columns.</param>
/// <param name="Config">The resolved experiment config it was trained with.</param>
/// <param name="History">Its training history.</param>
public sealed record SavedModel(
    StreetcarModel Model, IReadOnlyList<ColumnEncoder> Encoders, ExperimentConfig Config, TrainingHistory History) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();
}
