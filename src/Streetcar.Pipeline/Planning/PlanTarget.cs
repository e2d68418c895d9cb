using Streetcar.Core.Cache;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Planning;

/// <summary>One run to bring up to a stage: the run, the graph of its model kind, the goal, and the roots' keys.</summary>
/// <param name="Run">The run.</param>
/// <param name="Graph">Its stages.</param>
/// <param name="Goal">Name of the stage whose entry the run must end with.</param>
/// <param name="Roots">Keys of the entries built before planning, by root name (the grid).</param>
public sealed record PlanTarget(StageRun Run, StageGraph Graph, string Goal, IReadOnlyDictionary<string, CacheKey> Roots);
