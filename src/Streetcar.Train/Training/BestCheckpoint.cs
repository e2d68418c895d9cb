using Streetcar.Core.Config;
using Streetcar.Train.Model;
using static TorchSharp.torch;

namespace Streetcar.Train.Training;

/// <summary>
/// Keeps, in memory, a copy of the model's state (weights and batch-norm statistics) at the best epoch of
/// the monitor, as Keras ModelCheckpoint(save_best_only) does on disk.
/// </summary>
public sealed class BestCheckpoint(StreetcarModel model, MonitorMetric monitor, MonitorMode mode) : ITrainingCallback, IDisposable
{
    private readonly MonitorImprovement _improvement = new(monitor, mode);
    private Dictionary<string, Tensor>? _best;

    /// <summary>Epoch of the best state, or null before the first epoch.</summary>
    public int? BestEpoch => _improvement.BestEpoch == 0 ? null : _improvement.BestEpoch;

    /// <summary>The monitor's best value.</summary>
    public double BestValue => _improvement.Best;

    /// <inheritdoc/>
    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        if (_improvement.Update(record))
        {
            DisposeBest();
            _best = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
        }
        return EpochVerdict.Continue;
    }

    /// <summary>Copies the best state back into the model.</summary>
    public void Restore()
    {
        if (_best is null)
        {
            throw new InvalidOperationException("no checkpoint recorded yet");
        }
        using (no_grad())
        {
            foreach (var (name, tensor) in model.state_dict())
            {
                tensor.copy_(_best[name]);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeBest();

    private void DisposeBest()
    {
        foreach (var tensor in _best?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
        _best = null;
    }
}
