using Streetcar.Core.Errors;

namespace Streetcar.Sweep;

/// <summary>
/// Runs a sweep's rounds (<see cref="HalvingSchedule"/>) through a caller that trains points and returns their
/// validation figures: the engine, on any executor. Each round's points are the previous round's best, ranked by
/// <see cref="SweepRanking"/> on validation only, so the survivors and the chosen point are a function of the sweep
/// file and the data alone. A round's point is the point's experiment with that round's epoch budget: its
/// trajectory is shared with the other rounds (the stopping rule is not part of a trajectory's key), so a survivor
/// resumes the cached prefix and no epoch is trained twice.
/// </summary>
public static class SuccessiveHalving
{
    /// <summary>
    /// <paramref name="trainRound"/> receives the points of a round (configs with the round's epochs) and returns,
    /// for each point name, the selection metric of every repeat on validation.
    /// </summary>
    public static SweepOutcome Run(SweepDefinition sweep, IReadOnlyList<ResolvedPoint> points,
        Func<int, IReadOnlyList<ResolvedPoint>, IReadOnlyDictionary<string, IReadOnlyList<double>>> trainRound)
    {
        if (points.Count == 0)
        {
            throw new ConfigException(sweep.File, "space", "has no points");
        }
        var rounds = new List<SweepRound>();
        if (sweep.Halving is not { } halving)
        {
            var ranking = SweepRanking.Rank(trainRound(1, points), sweep.Selection);
            rounds.Add(new SweepRound(1, null, ranking, 0));
            return new SweepOutcome(rounds, points.Single(p => p.Point.Name == ranking[0].Name));
        }
        var budget = points.Max(p => p.Config.Epochs);
        var schedule = HalvingSchedule.Rounds(points.Count, halving, budget);
        var current = points;
        foreach (var round in schedule)
        {
            var atBudget = current.Select(p => p with { Config = p.Config with { Epochs = Math.Min(round.Epochs, p.Config.Epochs) } }).ToArray();
            var ranking = SweepRanking.Rank(trainRound(round.Number, atBudget), sweep.Selection);
            var next = round.Number < schedule.Count ? schedule[round.Number].Points : 0;
            rounds.Add(new SweepRound(round.Number, round.Epochs, ranking, next));
            if (next == 0)
            {
                return new SweepOutcome(rounds, atBudget.Single(p => p.Point.Name == ranking[0].Name));
            }
            var keep = ranking.Take(next).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            current = current.Where(p => keep.Contains(p.Point.Name)).ToArray();
        }
        throw new InvalidOperationException("a halving schedule always ends with a round at the budget");
    }
}
