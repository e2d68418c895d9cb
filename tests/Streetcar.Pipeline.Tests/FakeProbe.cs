using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Planning;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Tests;

/// <summary>A cache that holds exactly the keys given, and remembers what the planner asked.</summary>
internal sealed class FakeProbe(params CacheKey[] cached) : IEntryProbe
{
    public List<(string Stage, CacheKey Key, int Runs)> Asked { get; } = [];

    public HashSet<CacheKey> Cached { get; } = [.. cached];

    public bool IsCached(IStage stage, CacheKey key, IReadOnlyList<ExperimentConfig> runs)
    {
        Asked.Add((stage.Name, key, runs.Count));
        return Cached.Contains(key);
    }
}
