using Streetcar.Core.Config;

namespace Streetcar.Train.Training;

/// <summary>
/// Keras EarlyStopping (min_delta 0, baseline none): after <c>patience</c> consecutive epochs without
/// improvement of the monitor, stop.
/// </summary>
public sealed class EarlyStopping(MonitorMetric monitor, MonitorMode mode, int patience) : ITrainingCallback
{
    private readonly MonitorImprovement _improvement = new(monitor, mode);
    private int _wait;

    /// <summary>The epoch after which training stopped, or null when it ran to the end.</summary>
    public int? StoppedEpoch { get; private set; }

    /// <inheritdoc/>
    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        if (_improvement.Update(record))
        {
            _wait = 0;
            return EpochVerdict.Continue;
        }
        _wait++;
        if (_wait >= patience)
        {
            StoppedEpoch = record.Epoch;
            return EpochVerdict.Stop;
        }
        return EpochVerdict.Continue;
    }
}
