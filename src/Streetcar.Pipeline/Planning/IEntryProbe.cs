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

/// <summary>The stage cache as the planner's probe: each stage opens its own entries (<see cref="IStage.Open"/>).</summary>
public sealed class CacheProbe(StageCache cache) : IEntryProbe
{
    public bool IsCached(IStage stage, CacheKey key, IReadOnlyList<ExperimentConfig> runs) => stage.Open(cache, key, runs) is not null;
}
