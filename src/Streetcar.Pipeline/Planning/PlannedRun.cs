using Streetcar.Core.Cache;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Planning;

/// <summary>One run as planned: its keys, the jobs that build its entries, and what was found cached.</summary>
/// <param name="Run">The run.</param>
/// <param name="Keys">Every stage's key, by stage name (derived from the graph).</param>
/// <param name="Jobs">Ids of the jobs its result depends on, in plan order.</param>
/// <param name="Cached">The stages on the way to its goal found cached (not intermediate ones), in flow order.</param>
public sealed record PlannedRun(StageRun Run, IReadOnlyDictionary<string, CacheKey> Keys, IReadOnlyList<string> Jobs, IReadOnlyList<IStage> Cached);
