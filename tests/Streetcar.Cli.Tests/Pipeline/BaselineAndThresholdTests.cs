using System.Text.Json.Nodes;
using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>
/// Issue 13 end to end on the slice: a gradient-boosting experiment trains without a trajectory, is evaluated
/// with a threshold rule chosen on validation, is plotted and recommended in the report, and scores trips; a
/// network experiment with a threshold rule reuses the trajectory of its shape.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class BaselineAndThresholdTests(ReferenceRun reference)
{
    private const string Boosting = """
        base: _base.yml
        description: Boosting on the slice.
        model: gradient_boosting
        repeats: 2
        threshold: {choose: max_f1}
        gradient_boosting:
          num_leaves: 7
          iterations: 20

        """;

    [Fact]
    public void GivenABoostingExperiment_WhenThePipelineRuns_ThenItIsFittedEvaluatedWithItsRuleReportedAndScores()
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/g.yml", Boosting);

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("trajectory g", run.Output, StringComparison.Ordinal);
        Assert.Contains("train g#1: gradient boosting, 7 leaves × 20 iterations, seed 42", run.Output, StringComparison.Ordinal);
        Assert.Contains("train g#2: gradient boosting, 7 leaves × 20 iterations, seed ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("train g#2: gradient boosting, 7 leaves × 20 iterations, seed 42", run.Output, StringComparison.Ordinal);
        var newEntries = workspace.CacheEntries().Except(reference.Entries).ToArray();
        Assert.Equal(2, newEntries.Count(e => e.StartsWith("train/", StringComparison.Ordinal)));
        Assert.Equal(2, newEntries.Count(e => e.StartsWith("evaluate/", StringComparison.Ordinal)));
        Assert.Equal(4, newEntries.Length);
        Assert.All(newEntries.Where(e => e.StartsWith("train/", StringComparison.Ordinal)),
            e => Assert.Equal("gradient_boosting\n", File.ReadAllText(Path.Combine(workspace.Cache, e, "model-kind.txt"))));

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace.Results, "metrics.json")))!.AsArray();
        var g = metrics.Single(m => m!["name"]!.GetValue<string>() == "g")!;
        Assert.Null(g["error"]);
        Assert.Equal("max_f1", g["evaluation"]!["threshold_rule"]!.GetValue<string>());
        var threshold = g["evaluation"]!["test"]!["threshold"]!.GetValue<double>();
        Assert.InRange(threshold, 0.0, 1.0);
        Assert.NotEqual(0.5, threshold);

        var report = File.ReadAllText(workspace.Report);
        Assert.Contains("| g | gradient boosting (LightGBM): 7 leaves, 20 iterations", report, StringComparison.Ordinal);
        Assert.Contains("(`max_f1` on validation)", report, StringComparison.Ordinal);
        Assert.Contains("**Recommended: ", report, StringComparison.Ordinal);
        Assert.Contains("| Rank | Experiment | Validation PR AUC, mean over repeats |", report, StringComparison.Ordinal);
        Assert.DoesNotContain("plots/g-accuracy.svg", report, StringComparison.Ordinal);
        foreach (var plot in new[] { "g-roc.svg", "g-pr.svg", "g-confusion.svg", "_all-roc.svg", "_all-pr.svg", "a-roc.svg" })
        {
            Assert.True(File.Exists(Path.Combine(workspace.Results, "plots", plot)), plot);
        }
        Assert.Contains("(AUC ", File.ReadAllText(Path.Combine(workspace.Results, "plots", "_all-roc.svg")), StringComparison.Ordinal);

        var one = workspace.Run("score", "--experiment", "g", "--route", "501", "--direction", "e", "--at", "2014-06-14T08:30", "--json");
        Assert.True(one.ExitCode == 0, one.ToString());
        var scored = JsonNode.Parse(one.Output)!;
        Assert.Equal(threshold, scored["threshold"]!.GetValue<double>());
        workspace.Write("trips.csv", "route,direction,datetime\n501,e,2014-06-14T08:30\n505,w,2014-03-01T17:00\n");
        var batch = workspace.Run("score", "--experiment", "g", "--input", workspace.PathOf("trips.csv"), "--output", workspace.PathOf("scored.csv"));
        Assert.True(batch.ExitCode == 0, batch.ToString());
        var lines = File.ReadAllLines(workspace.PathOf("scored.csv"));
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("501,e,2014-06-14T08:30," + scored["probability"]!.GetValue<double>().ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[1], StringComparison.Ordinal);

        // Another rule re-evaluates without refitting.
        workspace.Write("experiments/g.yml", Boosting.Replace("{choose: max_f1}", "{choose: target_recall, value: 0.5}", StringComparison.Ordinal));
        var rerun = workspace.RunPipeline();
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("train g#1: cached", rerun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gradient boosting, 7 leaves", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate g#1: test accuracy", rerun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenANetworkWithATargetRecallRule_WhenThePipelineRuns_ThenItSharesTheTrajectoryAndReachesTheTargetOnValidation()
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/r.yml", "base: _base.yml\ndescription: As a, threshold for recall.\nthreshold:\n  choose: target_recall\n  value: 0.6\n");

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("trajectory a, r: training", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("trajectory r: training", run.Output, StringComparison.Ordinal);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace.Results, "metrics.json")))!.AsArray();
        var r = metrics.Single(m => m!["name"]!.GetValue<string>() == "r")!["evaluation"]!;
        var a = metrics.Single(m => m!["name"]!.GetValue<string>() == "a")!["evaluation"]!;
        Assert.Equal("target_recall 0.6", r["threshold_rule"]!.GetValue<string>());
        Assert.True(r["valid_recall"]!.GetValue<double>() >= 0.6);
        // Same model as a: the rankings agree, only the threshold moved.
        Assert.Equal(a["test"]!["roc_auc"]!.GetValue<double>(), r["test"]!["roc_auc"]!.GetValue<double>());
        Assert.Contains("threshold target_recall 0.6", File.ReadAllText(workspace.Report), StringComparison.Ordinal);
    }
}
