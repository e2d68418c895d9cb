using Streetcar.Core.Config;
using Xunit;

namespace Streetcar.Sweep.Tests;

public sealed class HalvingAndRankingTests
{
    [Fact]
    public void Halving_keeps_a_third_each_round_and_triples_the_budget_up_to_the_cap()
    {
        var rounds = HalvingSchedule.Rounds(18, new HalvingRule(3, 3), 30);
        Assert.Equal([(18, 3), (6, 9), (2, 27), (1, 30)], rounds.Select(r => (r.Points, r.Epochs)));
        // 12 points stop at 3 epochs, 4 at 9, 1 at 27, 1 at 30; twice for two repeats.
        Assert.Equal(2 * (12 * 3 + 4 * 9 + 1 * 27 + 1 * 30), HalvingSchedule.EpochsTrained(rounds, 2));
    }

    [Fact]
    public void One_round_when_min_epochs_is_the_budget()
    {
        Assert.Equal([(5, 10)], HalvingSchedule.Rounds(5, new HalvingRule(10, 2), 10).Select(r => (r.Points, r.Epochs)));
    }

    [Fact]
    public void Ranking_by_mean_puts_the_best_first_ties_by_name_and_missing_figures_last()
    {
        var rule = new SelectionRule(MonitorMetric.ValPrAuc, SelectionStatistic.Mean, MonitorMode.Max);
        var ranked = SweepRanking.Rank(new Dictionary<string, IReadOnlyList<double>>
        {
            ["b"] = [0.2, 0.2],
            ["a"] = [0.1, 0.3],
            ["c"] = [0.25, 0.27],
            ["d"] = [double.NaN],
        }, rule);
        Assert.Equal(["c", "a", "b", "d"], ranked.Select(r => r.Name));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void The_lower_bound_prefers_the_steady_point_and_a_loss_ranks_downwards()
    {
        var steady = new[] { 0.20, 0.21, 0.20 };
        var lucky = new[] { 0.05, 0.40, 0.20 };
        var byBound = SweepRanking.Rank(new Dictionary<string, IReadOnlyList<double>> { ["steady"] = steady, ["lucky"] = lucky },
            new SelectionRule(MonitorMetric.ValPrAuc, SelectionStatistic.LowerBound, MonitorMode.Max));
        Assert.Equal("steady", byBound[0].Name);
        var byMean = SweepRanking.Rank(new Dictionary<string, IReadOnlyList<double>> { ["steady"] = steady, ["lucky"] = lucky },
            new SelectionRule(MonitorMetric.ValPrAuc, SelectionStatistic.Mean, MonitorMode.Max));
        Assert.Equal("lucky", byMean[0].Name);
        var loss = SweepRanking.Rank(new Dictionary<string, IReadOnlyList<double>> { ["low"] = [0.1, 0.1], ["high"] = [0.3, 0.3] },
            new SelectionRule(MonitorMetric.ValLoss, SelectionStatistic.Mean, MonitorMode.Min));
        Assert.Equal("low", loss[0].Name);
        // t(0.975, 2) = 4.3027: the interval of the steady point's mean.
        var s = byBound.Single(r => r.Name == "steady");
        Assert.Equal(0.20333 - 4.30265 * 0.0057735 / Math.Sqrt(3), s.Low, 4);
    }
}
