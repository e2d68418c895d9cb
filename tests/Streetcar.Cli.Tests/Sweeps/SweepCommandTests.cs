using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Sweeps;

/// <summary>
/// Issue 21: a sweep on the slice. Its points train through the engine, halving keeps the best, only the chosen
/// point is evaluated, the report shows it, and the bytes do not depend on --jobs or the executor.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class SweepCommandTests(ReferenceRun reference)
{
    /// <summary>Three learning rates around a (2 epochs): all train 1 epoch, the best two go on to 2.</summary>
    private const string Sweep = """
        base: a
        description: Learning rate around a.
        repeats: 2
        space:
          learning_rate: [0.001, 0.01, 0.1]
        select: {metric: val_roc_auc, by: mean}
        halving: {min_epochs: 1, eta: 2}
        """;

    [Fact]
    public void GivenASweep_WhenRunAndReported_ThenItHalvesEvaluatesOnlyTheChosenPoint_AndAnyJobsOrExecutorGivesTheSameBytes()
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/lr.sweep.yml", Sweep);

        var sweep = workspace.Run("sweep", "--jobs", "1");

        Assert.True(sweep.ExitCode == 0, sweep.ToString());
        Assert.Contains("sweep lr: round 1: 3 points to 1 epochs", sweep.Output, StringComparison.Ordinal);
        Assert.Contains("sweep lr: round 2: 2 points to 2 epochs", sweep.Output, StringComparison.Ordinal);
        Assert.Contains("sweep lr: chose lr/learning_rate=", sweep.Output, StringComparison.Ordinal);
        // Three points × two repeats validated in round 1, two × two in round 2; one point (two repeats) evaluated.
        var added = workspace.CacheEntries().Except(reference.Entries).ToArray();
        Assert.Equal(10, added.Count(e => e.StartsWith("validate/", StringComparison.Ordinal)));
        Assert.Equal(2, added.Count(e => e.StartsWith("evaluate/", StringComparison.Ordinal)));
        // Every trajectory trained is a new entry; the survivors' 2-epoch trajectories resume their 1-epoch ones (a
        // repeat equal to experiment a is served by a's cached trajectory): no epoch is trained twice.
        var trained = sweep.Output.Split('\n').Where(l => l.StartsWith("trajectory lr/", StringComparison.Ordinal) && l.Contains(": training up to", StringComparison.Ordinal)).ToArray();
        Assert.True(trained.Length == added.Count(e => e.StartsWith("trajectory/", StringComparison.Ordinal)), sweep.Output);
        Assert.InRange(trained.Length, 1, 3 * 2 + 2 * 2);
        var longer = trained.Where(l => l.Contains("training up to 2 epochs", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(longer);
        Assert.All(longer, l => Assert.Contains("resuming the cached 1 epochs", l, StringComparison.Ordinal));

        var report = workspace.Run("report");
        Assert.True(report.ExitCode == 0, report.ToString());
        var md = File.ReadAllText(workspace.Report);
        Assert.Contains("## Sweep lr", md, StringComparison.Ordinal);
        Assert.Contains("round 1: 3 points to 1 epochs; round 2: 2 points to 2 epochs", md, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace.Results, "sweeps.json")));
        Assert.True(File.Exists(Path.Combine(workspace.Results, "plots", "sweep-lr-by-1.svg")));
        var first = workspace.ResultFiles();

        // Again from a cache without the sweep's entries, two jobs at a time in child processes: the same bytes.
        using var other = reference.WarmCopy();
        other.Write("experiments/lr.sweep.yml", Sweep);
        var again = other.Run("sweep", "--jobs", "2", "--executor", "process");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(0, other.Run("report").ExitCode);
        var second = other.ResultFiles();
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (file, text) in first.Where(f => f.Key != "run-info.json"))
        {
            Assert.True(text == second[file], $"results/{file} differs between --jobs 1 (local) and --jobs 2 (process)");
        }

        // A rerun trains nothing.
        var rerun = workspace.Run("sweep");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.DoesNotContain("training", rerun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASweepThatHasNotRun_WhenReported_ThenTheReportRefusesNamingIt_AndResultsAreUntouched()
    {
        using var workspace = reference.WarmCopy();
        var before = workspace.ResultFiles();
        workspace.Write("experiments/lr.sweep.yml", Sweep);

        var report = workspace.Run("report");

        Assert.Equal(ExitCodes.Pipeline, report.ExitCode);
        Assert.Contains("sweep lr has not run to the end", Assert.Single(report.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, workspace.ResultFiles());
    }

    [Theory]
    [InlineData("base: a\nspace: {}\nselect: {metric: val_roc_auc}", "'space': is empty")]
    [InlineData("base: a\nspace: {learning_rat: [0.1]}\nselect: {metric: val_roc_auc}", "point 'lr/learning_rat=0.1': 'learning_rat': unknown key")]
    [InlineData("base: a\nspace: {learning_rate: [0.1, 11]}\nselect: {metric: val_roc_auc}", "point 'lr/learning_rate=11': 'learning_rate': must be a number in (0, 10], got 11")]
    [InlineData("base: a\nspace: {learning_rate: [0.1]}\nselect: {metric: val_roc_auc}\nhalving: {min_epochs: 1, eta: 1}", "'halving.eta': must be an integer in [2, 100], got 1")]
    [InlineData("base: a\nspace: {learning_rate: [0.1]}\nselect: {metric: val_roc_auc}\nhalving: {min_epochs: 3, eta: 2}", "'halving.min_epochs': 3 is above point 'lr/learning_rate=0.1''s epoch budget (2)")]
    public void GivenABadSweep_WhenRun_ThenOneConfigErrorLine_AndNothingTrains(string yaml, string expected)
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/lr.sweep.yml", yaml);

        var run = workspace.Run("sweep");

        Assert.Equal(ExitCodes.Config, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: experiments/lr.sweep.yml", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
    }

    [Fact]
    public void GivenTooManyPointsOrAnUnknownSweep_WhenRun_ThenItRefusesUntilAllowed()
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/big.sweep.yml", "base: a\nspace: {learning_rate: {from: 0.001, to: 0.1, steps: 3}, batch_size: [100, 200]}\nselect: {metric: val_roc_auc}");

        var refused = workspace.Run("sweep", "--max-points", "5");
        Assert.Equal(ExitCodes.Config, refused.ExitCode);
        Assert.Contains("gives 6 points, more than 5", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);

        var unknown = workspace.Run("sweep", "--sweep", "nosuch");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("unknown sweep nosuch; known: big", Assert.Single(unknown.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
    }
}
