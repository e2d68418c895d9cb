using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 7: one failing experiment (a config error, a diverging loss) does not stop the others; they are cached,
/// the report marks the failed one with its error, and the run exits non-zero.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ExperimentFailureTests(ReferenceRun reference)
{
    [Fact]
    public void GivenOneExperimentWithAConfigError_WhenThePipelineRuns_ThenTheOthersCompleteAndTheReportMarksIt()
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/c.yml", "base: _base.yml\nepochs: -1\n");

        var run = workspace.RunPipeline();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("c failed", StringComparison.Ordinal) && l.Contains("'epochs': must be a positive integer", StringComparison.Ordinal));
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        var report = File.ReadAllText(workspace.Report);
        Assert.Contains("| c | invalid config | failed |", report, StringComparison.Ordinal);
        Assert.Contains("**Failed:** experiments/c.yml: 'epochs': must be a positive integer, got -1", report, StringComparison.Ordinal);
        Assert.DoesNotContain(workspace.Root, report, StringComparison.Ordinal);
        AssertRowsOfAAndBUnchanged(report);
    }

    [Fact]
    public void GivenOneExperimentWhoseLossDiverges_WhenThePipelineRuns_ThenItFailsClearlyAndTheOthersAreCached()
    {
        using var workspace = TestWorkspace.Create();
        workspace.Write("experiments/c.yml", "base: _base.yml\ndescription: An absurd learning rate.\nlearning_rate: 1.0e30\n");

        var run = workspace.RunPipeline();

        Assert.NotEqual(0, run.ExitCode);
        var failure = Assert.Single(run.ErrorLines, l => l.Contains("c failed", StringComparison.Ordinal));
        Assert.Contains("diverged", failure, StringComparison.Ordinal);
        Assert.Contains("learning_rate", failure, StringComparison.Ordinal);
        Assert.Equal(reference.Entries, workspace.CacheEntries()); // a and b are cached, c left nothing
        Assert.Empty(workspace.WorkFolders());
        var report = File.ReadAllText(workspace.Report);
        Assert.Contains("| c | learning rate 1E+30, 2 epochs, unweighted, no early stopping | failed |", report, StringComparison.Ordinal);
        Assert.Contains("**Failed:** trajectory c: training diverged", report, StringComparison.Ordinal);
        Assert.DoesNotContain("frame #", report, StringComparison.Ordinal);
        AssertRowsOfAAndBUnchanged(report);

        // Fixing the file clears the mark: the next run trains c only and succeeds.
        workspace.Write("experiments/c.yml", "base: _base.yml\ndescription: A sane learning rate.\nlearning_rate: 0.01\n");
        var fixedRun = workspace.RunPipeline();
        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
        Assert.Contains("trajectory c: training", fixedRun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("trajectory a: training", fixedRun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", File.ReadAllText(workspace.Report), StringComparison.Ordinal);
    }

    private void AssertRowsOfAAndBUnchanged(string report)
    {
        foreach (var row in reference.Results["report.md"].Split('\n').Where(l => l.StartsWith("| a |", StringComparison.Ordinal) || l.StartsWith("| b |", StringComparison.Ordinal)))
        {
            Assert.Contains(row, report, StringComparison.Ordinal);
        }
    }
}
