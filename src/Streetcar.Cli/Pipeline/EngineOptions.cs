using Streetcar.Pipeline.Planning;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Pipeline;

/// <summary>How <see cref="PipelineEngine"/> runs: the command line's --jobs, --force, --no-sharing and --executor.</summary>
/// <param name="Jobs">Jobs run side by side (each keeps its configured thread count).</param>
/// <param name="Forced">The one forced-stage set: stages rebuilt even when cached (the stages of the verb given --force).</param>
/// <param name="Sharing">
/// Experiments that differ only in their stopping rule share one trajectory. Off, each trains its own (for
/// measuring what sharing saves; results are the same bytes either way).
/// </param>
/// <param name="Executor">Where the jobs run (<see cref="Executors"/>).</param>
public sealed record EngineOptions(int Jobs, IReadOnlySet<string> Forced, bool Sharing = true, string Executor = Executors.Default)
{
    public PlanOptions Plan => new(Forced, Sharing);

    /// <summary>The stages a verb's --force rebuilds: the verb's own.</summary>
    public static IReadOnlySet<string> ForcedBy(bool force, params IStage[] stages) =>
        force ? stages.Select(s => s.Name).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
}
