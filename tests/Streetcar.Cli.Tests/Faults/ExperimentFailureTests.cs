using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 7: one failing experiment (a config error, a failure in training) does not stop the others; they are cached,
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
        Assert.Contains(run.ErrorLines, l => l.Contains("c failed", StringComparison.Ordinal) && l.Contains("'epochs': must be an integer in [1, 10000], got -1", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Config, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.EndsWith("; the other experiments completed and are cached", StringComparison.Ordinal));
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        var report = File.ReadAllText(workspace.Report);
        Assert.Contains("| c | invalid config | failed |", report, StringComparison.Ordinal);
        Assert.Contains("**Failed:** experiments/c.yml: 'epochs': must be an integer in [1, 10000], got -1", report, StringComparison.Ordinal);
        Assert.DoesNotContain(workspace.Root, report, StringComparison.Ordinal);
        AssertRowsOfAAndBUnchanged(report);
    }

    [Fact]
    public void GivenEveryAskedExperimentInvalid_WhenTrainRuns_ThenEachIsNamed_NoneIsSaidToHaveCompleted_AndTheExitIsTheConfigCode()
    {
        // Valid on its own (each key within its bounds), but the balanced delay weight it makes is negative: only
        // training finds that out, in c's trajectory job. (A diverging loss, the other such failure, needs a
        // learning rate beyond the bounds the config now enforces; Train.Tests covers it.)
        using var workspace = TestWorkspace.Create();
        Assert.Equal(0, workspace.Run("fetch", "--data-source", workspace.DataSource).ExitCode);
        workspace.Write("experiments/a.yml", "base: _base.yml\nepochs: 0\n");
        workspace.Write("experiments/b.yml", "base: _base.yml\nthreads: 65\n");

        var run = workspace.Run("train");

        Assert.Equal(ExitCodes.Config, run.ExitCode);
        Assert.Equal(
            ["error: train failed for a, b (a: experiments/a.yml: 'epochs': must be an integer in [1, 10000], got 0; " +
             "b: experiments/b.yml: 'threads': must be an integer in [1, 64], got 65)"],
            run.ErrorLines);
        Assert.Empty(workspace.CacheEntries());
    }

    [Fact]
    public void GivenOneExperimentThatFailsInTraining_WhenThePipelineRuns_ThenItFailsClearlyAndTheOthersAreCached()
    {
        // A valid config that fails only once the training split is counted: the balanced delay weight plus
        // this offset is negative. (A diverging loss needs a learning rate far above its bound; TrainStageTests
        // covers that check.)
        using var workspace = TestWorkspace.Create();
        workspace.Write("experiments/c.yml", "base: _base.yml\ndescription: A negative delay weight.\nweighting: balanced\none_weight_offset: -1000\n");

        var run = workspace.RunPipeline();

        Assert.NotEqual(0, run.ExitCode);
        var failure = Assert.Single(run.ErrorLines);
        Assert.Contains("c failed", failure, StringComparison.Ordinal);
        Assert.Contains("'one_weight_offset': makes the delay weight", failure, StringComparison.Ordinal);
        Assert.Contains("must be > 0", failure, StringComparison.Ordinal);
        Assert.Equal(reference.Entries, workspace.CacheEntries()); // a and b are cached, c left nothing
        Assert.Empty(workspace.WorkFolders());
        var report = File.ReadAllText(workspace.Report);
        Assert.Contains("| c | 2 epochs, weighted (offset -1000), no early stopping | failed |", report, StringComparison.Ordinal);
        Assert.Contains("**Failed:** trajectory c: c: 'one_weight_offset': makes the delay weight", report, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", report, StringComparison.Ordinal);
        AssertRowsOfAAndBUnchanged(report);

        // Fixing the file clears the mark: the next run trains c only and succeeds.
        workspace.Write("experiments/c.yml", "base: _base.yml\ndescription: A sane offset.\nweighting: balanced\none_weight_offset: 0\nlearning_rate: 0.01\n");
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
