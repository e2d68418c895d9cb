using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>An out-of-time experiment beside an in-time one, through the whole pipeline on the slice (issue 14).</summary>
[Collection(SliceCollection.Name)]
public sealed class OutOfTimeTests
{
    [Fact]
    public void GivenAByTimeSplit_WhenThePipelineRuns_ThenTheReportShowsBothTestPeriodsSideBySide()
    {
        using var workspace = TestWorkspace.Create();
        workspace.Write("experiments/c.yml", SliceFiles.ExperimentB +
            "split:\n  by_time:\n    test_from: 2014-11-01\n");

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = File.ReadAllText(workspace.Report);
        Assert.Contains("| Experiment | Changes | Test period |", report, StringComparison.Ordinal);
        Assert.Matches(@"\| b \| [^|]+ \| random, all years \|", report);
        Assert.Matches(@"\| c \| [^|]+ \| from 2014-11-01 \| \d+ / 2 \| 0\.\d{4} \|", report);
    }
}
