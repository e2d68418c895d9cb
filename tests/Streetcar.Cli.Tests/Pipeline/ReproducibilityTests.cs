using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>Issue 5's reproducibility promises, on the slice.</summary>
[Collection(SliceCollection.Name)]
public sealed class ReproducibilityTests(ReferenceRun reference)
{
    [Fact]
    public void GivenAClearedCache_WhenThePipelineRunsAgain_ThenEveryResultFileIsByteIdentical()
    {
        using var workspace = reference.WarmCopy();
        Assert.Equal(0, workspace.Run("cache", "clear").ExitCode);
        Assert.Empty(workspace.CacheEntries());

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("trajectory a: training", run.Output, StringComparison.Ordinal);
        Assert.Contains("trajectory b#1: training", run.Output, StringComparison.Ordinal);
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
    }

    [Theory]
    [InlineData("--jobs", "1")]
    [InlineData("--jobs", "2")]
    [InlineData("--jobs", "1", "--no-sharing")]
    public void GivenAClearedCache_WhenRunWithOtherJobsOrWithoutSharing_ThenEveryResultFileIsByteIdentical(params string[] options)
    {
        using var workspace = reference.WarmCopy();
        Assert.Equal(0, workspace.Run("cache", "clear").ExitCode);

        var run = workspace.Run([.. workspace.PipelineArgs(), .. options]);

        Assert.True(run.ExitCode == 0, run.ToString());
        reference.AssertSameResults(workspace);
    }

    [Fact]
    public void GivenAWarmCache_WhenThePipelineRunsAgain_ThenNothingIsRebuiltAndTheReportIsRewrittenIdentically()
    {
        using var workspace = reference.WarmCopy();
        File.Delete(workspace.Report);

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("training", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("prepare: building", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate a: cached", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate b#2: cached", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Warnings);
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
    }

    [Fact]
    public void GivenOneExperimentsStoppingRuleEdited_WhenThePipelineRuns_ThenNothingRetrainsAndOnlyItsRowChanges()
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/b.yml", SliceFiles.ExperimentB.Replace("patience: 1", "patience: 2", StringComparison.Ordinal));

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        // The patience is part of the stopping rule, not of the trajectory: b's model is derived again from the
        // cached epochs, and nothing is trained.
        Assert.Contains("train b#1", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate b#2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": training", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate a: cached", run.Output, StringComparison.Ordinal);
        var before = reference.Results["report.md"].Split('\n');
        var after = workspace.ResultFiles()["report.md"].Split('\n');
        Assert.Equal(before.Length, after.Length);
        var changed = before.Zip(after).Where(p => p.First != p.Second).Select(p => p.Second).ToArray();
        Assert.NotEmpty(changed);
        // b's table row and b's own section (its description names the patience); nothing of a or the data.
        Assert.All(changed, line => Assert.Contains("patience 2", line, StringComparison.Ordinal));
        Assert.Contains(changed, line => line.StartsWith("| b |", StringComparison.Ordinal));
        Assert.Equal(reference.Results["plots/a-loss.svg"], workspace.ResultFiles()["plots/a-loss.svg"]);
    }
}
