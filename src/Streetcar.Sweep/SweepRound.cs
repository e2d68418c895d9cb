namespace Streetcar.Sweep;

/// <summary>What one round of a sweep did: which points trained to how many epochs, and how they ranked on validation.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Epochs">Each point's epoch budget in this round (null: the points' own, for a sweep without halving).</param>
/// <param name="Ranking">The points of this round, best first.</param>
/// <param name="Survivors">How many of them go on to the next round (0 in the last).</param>
public sealed record SweepRound(int Number, int? Epochs, IReadOnlyList<RankedPoint> Ranking, int Survivors);

/// <summary>A finished sweep: its rounds and the chosen point (the best of the last round, on validation).</summary>
/// <param name="Rounds">In order.</param>
/// <param name="Chosen">The chosen point's config as it was last trained (its final epoch budget).</param>
public sealed record SweepOutcome(IReadOnlyList<SweepRound> Rounds, ResolvedPoint Chosen)
{
    /// <summary>The last round each point reached (1-based), by name.</summary>
    public IReadOnlyDictionary<string, int> ReachedRound =>
        Rounds.SelectMany(r => r.Ranking.Select(p => (p.Name, r.Number)))
            .GroupBy(x => x.Name)
            .ToDictionary(g => g.Key, g => g.Max(x => x.Number), StringComparer.Ordinal);
}
