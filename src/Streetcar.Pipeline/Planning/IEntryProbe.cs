using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Planning;

/// <summary>Whether an entry is cached and valid, as the planner asks it (the stage cache, or a test's fake).</summary>
public interface IEntryProbe
{
    /// <summary>True when the cache has a valid entry of <paramref name="key"/> serving <paramref name="runs"/>; a damaged one counts as missing.</summary>
    bool IsCached(IStage stage, CacheKey key, IReadOnlyList<ExperimentConfig> runs);
}

/// <summary>
/// The stage cache as the planner's probe: each stage opens its own entries (<see cref="IStage.Open"/>), which
/// verifies them. An entry found valid once is not hashed again within the plan, nor is one the caller has just
/// verified or built (<paramref name="known"/>: the prepared splits), since opening a large entry costs its hashing.
/// </summary>
public sealed class CacheProbe(StageCache cache, IEnumerable<CacheKey>? known = null) : IEntryProbe
{
    private readonly HashSet<(string, CacheKey)> _valid = [];
    private readonly HashSet<CacheKey> _known = [.. known ?? []];

    public bool IsCached(IStage stage, CacheKey key, IReadOnlyList<ExperimentConfig> runs)
    {
        if (_known.Contains(key))
        {
            return true;
        }
        // A trajectory's answer depends on the runs it must serve, so only stages of one entry per key are remembered.
        var remembered = !stage.Intermediate;
        if (remembered && _valid.Contains((stage.Id, key)))
        {
            return true;
        }
        var cached = stage.Open(cache, key, runs) is not null;
        if (cached && remembered)
        {
            _valid.Add((stage.Id, key));
        }
        return cached;
    }
}
