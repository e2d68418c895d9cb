using Xunit;

namespace Streetcar.Sweep.Tests;

public sealed class SuccessiveHalvingTests : IDisposable
{
    private readonly SweepFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (SweepDefinition, IReadOnlyList<ResolvedPoint>) Sweep(string halving)
    {
        var sweep = SweepFileReader.Read(_folder.Write("s", $"""
            base: exp7
            repeats: 2
            space:
              learning_rate: [0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009]
            select: {"{"}metric: val_pr_auc, by: mean{"}"}
            {halving}
            """));
        return (sweep, SweepPoints.Resolve(sweep, SweepPoints.Expand(sweep), _folder.Path));
    }

    /// <summary>A fake training: the figure grows with the epochs and peaks at learning rate 0.006 (0.003 is best early).</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<double>> Fake(IReadOnlyList<ResolvedPoint> points, List<(string, int)> trained) =>
        points.ToDictionary(p => p.Point.Name, p =>
        {
            trained.Add((p.Point.Name, p.Config.Epochs));
            var lr = p.Config.LearningRate;
            var peak = p.Config.Epochs < 9 ? 0.003 : 0.006;
            return (IReadOnlyList<double>)[p.Config.Epochs / 100.0 - Math.Abs(lr - peak), p.Config.Epochs / 100.0 - Math.Abs(lr - peak) - 0.001];
        });

    [Fact]
    public void Halving_trains_every_point_briefly_and_only_the_best_third_on_to_the_budget()
    {
        var (sweep, points) = Sweep("halving: {min_epochs: 3, eta: 3}");
        var trained = new List<(string, int)>();
        var outcome = SuccessiveHalving.Run(sweep, points, (_, round) => Fake(round, trained));
        Assert.Equal([9, 3, 1, 1], outcome.Rounds.Select(r => r.Ranking.Count));
        Assert.Equal([3, 9, 27, 30], outcome.Rounds.Select(r => r.Epochs!.Value));
        // Round 1 favours 0.003 and its neighbours; from 9 epochs on, 0.004 is the best of those that survived.
        Assert.Equal(["s/learning_rate=0.002", "s/learning_rate=0.003", "s/learning_rate=0.004"], outcome.Rounds[1].Ranking.Select(r => r.Name).Order());
        Assert.Equal("s/learning_rate=0.004", outcome.Chosen.Point.Name);
        Assert.Equal(30, outcome.Chosen.Config.Epochs);
        Assert.Equal(4, outcome.ReachedRound["s/learning_rate=0.004"]);
        Assert.Equal(1, outcome.ReachedRound["s/learning_rate=0.009"]);
    }

    [Fact]
    public void The_same_sweep_gives_the_same_rounds_and_choice()
    {
        var (sweep, points) = Sweep("halving: {min_epochs: 3, eta: 3}");
        var a = SuccessiveHalving.Run(sweep, points, (_, round) => Fake(round, []));
        var b = SuccessiveHalving.Run(sweep, points.Reverse().ToArray(), (_, round) => Fake(round, []));
        Assert.Equal(a.Rounds.SelectMany(r => r.Ranking.Select(p => (r.Number, p.Name, p.Rank))), b.Rounds.SelectMany(r => r.Ranking.Select(p => (r.Number, p.Name, p.Rank))));
        Assert.Equal(a.Chosen.Point.Name, b.Chosen.Point.Name);
    }

    [Fact]
    public void Without_halving_every_point_trains_to_its_own_budget_in_one_round()
    {
        var (sweep, points) = Sweep("");
        var trained = new List<(string, int)>();
        var outcome = SuccessiveHalving.Run(sweep, points, (_, round) => Fake(round, trained));
        Assert.Single(outcome.Rounds);
        Assert.All(trained, t => Assert.Equal(30, t.Item2));
        Assert.Equal("s/learning_rate=0.006", outcome.Chosen.Point.Name);
    }
}
