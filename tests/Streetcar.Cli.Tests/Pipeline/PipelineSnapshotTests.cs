using Snapshooter.Xunit;
using Streetcar.Cli.Tests.Fixtures;

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
    public void GivenTheSlice_WhenTheWholePipelineRuns_ThenEveryExperimentHasItsPlotsAndNoPathLeaks()
    {
        string[] expected =
        [
            "metrics.json",
            "plots/_all-pr.svg", "plots/_all-roc.svg",
            "plots/a-accuracy.svg", "plots/a-confusion.svg", "plots/a-loss.svg", "plots/a-pr.svg", "plots/a-roc.svg",
            "plots/b-accuracy.svg", "plots/b-confusion.svg", "plots/b-loss.svg", "plots/b-pr.svg", "plots/b-roc.svg",
            "report.md",
        ];
        Assert.Equal(expected, reference.Results.Keys);
        Assert.All(reference.Results, file => Assert.DoesNotContain(reference.Workspace.Root, file.Value, StringComparison.Ordinal));
        // grid, split, and per run (a, b#1, b#2) a trajectory, a model and an evaluation.
        Assert.Equal(11, reference.Entries.Count);
    }
}
