using Streetcar.Core.Cache;
using Streetcar.Core.Config;

namespace Streetcar.Pipeline.Stages;

/// <summary>
/// One stage of the pipeline: what it is called, the version its code bumps when it changes what it writes, the
/// experiment config keys it reads, its inputs (upstream stages) and how it builds its entry from them. Its cache
/// key is derived from exactly these (<see cref="StageGraph.Keys"/>), so changing a key re-runs only the stages
/// that read it, and nothing else wires a stage into the graph.
/// </summary>
public interface IStage
{
    /// <summary>Registered name, unique among all stages: job files name the stage by it.</summary>
    string Id { get; }

    /// <summary>Cache folder and key stage; what downstream inputs refer to. Two kinds' stages may share one (both model stages are "train").</summary>
    string Name { get; }

    int Version { get; }

    /// <summary>Config keys it reads, as dotted paths into the canonical config (<c>seeds.split</c>), or <see cref="StageConfigKeys.EveryKey"/>.</summary>
    IReadOnlyList<string> ConfigKeys { get; }

    IReadOnlyList<StageInput> Inputs { get; }

    /// <summary>What it produces, for `streetcar stages`.</summary>
    string Summary { get; }

    /// <summary>
    /// True when only downstream stages read its entry (a trajectory): it is built only when one of them runs, so
    /// a cache whose intermediate entries were pruned still reruns nothing. Other entries on the way to the goal
    /// are checked and rebuilt when missing or damaged (the report reads them).
    /// </summary>
    bool Intermediate { get; }

    /// <summary>CPU threads a job of this stage uses for <paramref name="config"/>.</summary>
    int Threads(ExperimentConfig config);

    /// <summary>
    /// The cached entry of key <paramref name="key"/> that serves <paramref name="runs"/>, or null (a damaged entry
    /// counts as missing). Most stages: the entry of that key; a trajectory: one long enough for every run.
    /// </summary>
    CacheEntry? Open(StageCache cache, CacheKey key, IReadOnlyList<ExperimentConfig> runs);

    /// <summary>Builds the entry of <paramref name="job"/> (or finds it cached) and returns it; a failure throws.</summary>
    CacheEntry Build(StageJob job);
}
