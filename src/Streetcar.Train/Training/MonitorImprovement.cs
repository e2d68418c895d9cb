using Streetcar.Core.Config;

namespace Streetcar.Train.Training;

/// <summary>Keras' test of improvement with min_delta 0: strictly below (min) or above (max) the best so far.</summary>
public sealed class MonitorImprovement(MonitorMetric monitor, MonitorMode mode)
{
    /// <summary>The watched metric.</summary>
    public MonitorMetric Monitor { get; } = monitor;

    /// <summary>min or max.</summary>
    public MonitorMode Mode { get; } = Enum.IsDefined(mode) ? mode : throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown mode");

    /// <summary>Best value so far (±infinity before the first epoch).</summary>
    public double Best { get; private set; } = mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;

    /// <summary>Epoch of <see cref="Best"/>, 0 before the first epoch.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Records <paramref name="record"/>; true when it improved on the best.</summary>
    public bool Update(EpochRecord record)
    {
        var value = record.Metric(Monitor);
        var better = Mode == MonitorMode.Min ? value < Best : value > Best;
        if (better)
        {
            Best = value;
            BestEpoch = record.Epoch;
        }
        return better;
    }
}
