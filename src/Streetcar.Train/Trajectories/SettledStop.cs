using Streetcar.Train.Training;

namespace Streetcar.Train.Trajectories;

/// <summary>
/// Stops a trajectory once every experiment sharing it is settled (<paramref name="settled"/> of the records so
/// far, the resumed ones included): nothing later in the trajectory could change any of their results.
/// </summary>
public sealed class SettledStop(IEnumerable<EpochRecord> earlier, Func<IReadOnlyList<EpochRecord>, bool> settled) : ITrainingCallback
{
    private readonly List<EpochRecord> _records = [.. earlier];

    /// <inheritdoc/>
    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        _records.Add(record);
        return settled(_records) ? EpochVerdict.Stop : EpochVerdict.Continue;
    }
}
