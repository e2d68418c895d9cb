using System.Collections.Concurrent;
using Streetcar.Core.Cache;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// What the CLI's stages work with in a job (<see cref="Streetcar.Pipeline.Stages.StageJob.Host"/>): the context
/// (folders, console, cancellation) and prepared data read once per process and shared by the jobs running side
/// by side on one split, which need one copy, not one each.
/// </summary>
public sealed class StageHost(PipelineContext ctx)
{
    private readonly ConcurrentDictionary<CacheKey, PreparedData> _prepared = new();

    public PipelineContext Context => ctx;

    /// <summary>The split entry <paramref name="split"/> as prepared data.</summary>
    public PreparedData Prepared(CacheEntry split) => _prepared.GetOrAdd(split.Key, _ => new PreparedData(split.Key, split.Folder));
}
