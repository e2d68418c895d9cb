namespace Streetcar.Train.Training;

/// <summary>Keras' test of improvement with min_delta 0: strictly below (min) or above (max) the best so far.</summary>
public sealed class MonitorImprovement(string monitor, string mode)
{
    /// <summary>The watched metric.</summary>
    public string Monitor { get; } = monitor;

    /// <summary>min or max.</summary>
    public string Mode { get; } = mode is "min" or "max" ? mode : throw new ArgumentException($"unknown mode '{mode}'", nameof(mode));

    /// <summary>Best value so far (±infinity before the first epoch).</summary>
    public double Best { get; private set; } = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;

    /// <summary>Epoch of <see cref="Best"/>, 0 before the first epoch.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Records <paramref name="record"/>; true when it improved on the best.</summary>
    public bool Update(EpochRecord record)
    {
        var value = record.Metric(Monitor);
        var better = Mode == "min" ? value < Best : value > Best;
        if (better)
        {
            Best = value;
            BestEpoch = record.Epoch;
        }
        return better;
    }
}
