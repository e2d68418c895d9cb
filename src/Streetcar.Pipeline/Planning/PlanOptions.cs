namespace Streetcar.Pipeline.Planning;

/// <summary>What the planner may rebuild and share.</summary>
/// <param name="Forced">The one forced-stage set: stage names rebuilt even when cached (a verb's --force names its own).</param>
/// <param name="Sharing">
/// Runs whose intermediate entry has one key share one job (experiments that differ only in when they stop share a
/// trajectory). Off, each run builds its own (for measuring what sharing saves; the results are the same bytes).
/// </param>
public sealed record PlanOptions(IReadOnlySet<string> Forced, bool Sharing = true)
{
    public static PlanOptions Default { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    public bool IsForced(string stage) => Forced.Contains(stage);
}
