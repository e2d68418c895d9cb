namespace Streetcar.Sweep;

/// <summary>
/// The rounds of successive halving, fixed before anything trains: round 1 trains every point to
/// <c>min_epochs</c>; each next round keeps the best ⌈n/eta⌉ and multiplies the budget by eta, capped at the points'
/// epoch budget; the round that reaches the budget is the last. Which points survive depends only on their
/// validation figures, so the same file gives the same survivors whatever the executor or --jobs.
/// </summary>
public static class HalvingSchedule
{
    public static IReadOnlyList<HalvingRound> Rounds(int points, HalvingRule rule, int budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Eta, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rule.MinEpochs, budget);
        var rounds = new List<HalvingRound>();
        var (n, epochs) = (points, rule.MinEpochs);
        while (true)
        {
            rounds.Add(new HalvingRound(rounds.Count + 1, n, epochs));
            if (epochs >= budget)
            {
                return rounds;
            }
            n = Math.Max(1, (n + rule.Eta - 1) / rule.Eta);
            epochs = (int)Math.Min((long)epochs * rule.Eta, budget);
        }
    }

    /// <summary>Epochs trained in all: each point trains to the budget of the last round it is in, never twice (shared trajectories).</summary>
    public static long EpochsTrained(IReadOnlyList<HalvingRound> rounds, int repeats) =>
        rounds.Select((r, i) => (long)(r.Points - (i + 1 < rounds.Count ? rounds[i + 1].Points : 0)) * r.Epochs).Sum() * repeats;
}
