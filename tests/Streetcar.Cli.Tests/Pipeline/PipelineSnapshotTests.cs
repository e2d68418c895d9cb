using Snapshooter.Xunit;
using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Json;
using Streetcar.Report.Model;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>Issue 5: the slice's metrics and rendered report are snapshots (nothing machine-dependent in them).</summary>
[Collection(SliceCollection.Name)]
public sealed class PipelineSnapshotTests(ReferenceRun reference)
{
    [Fact]
    public void GivenTheSlice_WhenTheWholePipelineRuns_ThenMetricsJsonMatchesTheSnapshot()
    {
        Snapshot.Match(reference.Results["metrics.json"]);
    }

    [Fact]
    public void GivenTheSlice_WhenTheWholePipelineRuns_ThenReportMdMatchesTheSnapshot()
    {
        Snapshot.Match(reference.Results["report.md"]);
    }

    [Fact]
    public void GivenTheSlice_WhenBRunsTwoRepeats_ThenMetricsJsonSummarisesThem_AndASingleRepeatHasNoInterval()
    {
        var metrics = StableJson.Deserialize<List<ExperimentMetrics>>(reference.Results["metrics.json"]);
        var a = metrics.Single(m => m.Name == "a");
        var b = metrics.Single(m => m.Name == "b");

        Assert.Equal(2, b.Repeats.Count);
        var recall = b.Summaries.Single(s => s.Metric == "test_recall");
        Assert.Equal(2, recall.N);
        Assert.Equal(b.Repeats.Average(r => r.Evaluation.Test.Recall), recall.Mean, 12);
        Assert.True(recall.CiLower <= recall.Mean && recall.Mean <= recall.CiUpper, $"{recall}");
        Assert.Equal(b.Repeats.Average(r => r.EpochsRun), b.Summaries.Single(s => s.Metric == "epochs_run").Mean, 12);
        Assert.NotEmpty(a.Summaries);
        Assert.All(a.Summaries, s => Assert.True(s.N == 1 && s.Sd is null && s.CiLower is null, $"{s}"));
    }

    [Fact]
    public void GivenTheSlice_WhenTheWholePipelineRuns_ThenEveryExperimentHasItsPlotsAndNoPathLeaks()
    {
        string[] expected =
        [
            "metrics.json",
            "plots/_all-pr.svg", "plots/_all-roc.svg",
            "plots/a-accuracy.svg", "plots/a-confusion.svg", "plots/a-loss.svg", "plots/a-pr.svg", "plots/a-reliability.svg", "plots/a-roc.svg",
            "plots/b-accuracy.svg", "plots/b-confusion.svg", "plots/b-loss.svg", "plots/b-pr.svg", "plots/b-reliability.svg", "plots/b-roc.svg",
            "plots/forest-test_accuracy.svg", "plots/forest-test_pr_auc.svg", "plots/forest-test_precision.svg",
            "plots/forest-test_recall.svg", "plots/forest-test_roc_auc.svg",
            "report.md",
        ];
        Assert.Equal(expected, reference.Results.Keys);
        Assert.All(reference.Results, file => Assert.DoesNotContain(reference.Workspace.Root, file.Value, StringComparison.Ordinal));
        // grid, split, and per run (a, b#1, b#2) a trajectory, a model and an evaluation.
        Assert.Equal(11, reference.Entries.Count);
    }
}
