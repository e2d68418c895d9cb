using Streetcar.Core.Cache;
using Streetcar.Core.Config;

namespace Streetcar.Pipeline.Stages;

/// <summary>
/// The usual stage: its entry is the one of its key, built by <see cref="Produce"/> into a fresh folder that the
/// cache installs atomically. A stage only declares what it reads and writes what it makes.
/// </summary>
public abstract class Stage : IStage
{
    public virtual string Id => Name;

    public abstract string Name { get; }

    public abstract int Version { get; }

    public abstract IReadOnlyList<string> ConfigKeys { get; }

    public abstract IReadOnlyList<StageInput> Inputs { get; }

    public abstract string Summary { get; }

    public virtual bool Intermediate => false;

    public virtual int Threads(ExperimentConfig config) => config.Threads;

    public virtual CacheEntry? Open(StageCache cache, CacheKey key, IReadOnlyList<ExperimentConfig> runs) =>
        cache.TryOpen(key, out var entry) ? entry : null;

    public virtual CacheEntry Build(StageJob job)
    {
        var run = job.Runs[0];
        return job.Cache.GetOrCreate(job.Key, new CacheEntryInfo(run.Label, run.Config.Description), folder => Produce(job, folder), job.Force);
    }

    /// <summary>Writes the entry's files into <paramref name="folder"/> from <see cref="StageJob.Inputs"/>.</summary>
    protected abstract void Produce(StageJob job, string folder);

    public override string ToString() => Id;
}
