namespace Streetcar.Cli.Pipeline;

/// <summary>How <see cref="PipelineEngine"/> runs: the command line's --jobs, --force and --no-sharing.</summary>
/// <param name="Jobs">Jobs run side by side (each keeps its configured libtorch thread count).</param>
/// <param name="Forced">Stages rebuilt even when cached (the stages of the verb given --force).</param>
/// <param name="Sharing">
/// Experiments that differ only in their stopping rule share one trajectory. Off, each trains its own (for
/// measuring what sharing saves; results are the same bytes either way).
/// </param>
public sealed record EngineOptions(int Jobs, IReadOnlySet<string> Forced, bool Sharing = true)
{
    public bool IsForced(StageDefinition stage) => Forced.Contains(stage.Name);

    /// <summary>The stages a verb's --force rebuilds: the verb's own.</summary>
    public static IReadOnlySet<string> ForcedBy(bool force, params StageDefinition[] stages) =>
        force ? stages.Select(s => s.Name).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
}
