using Snapshooter.Xunit;
using Streetcar.Report.Markdown;

namespace Streetcar.Report.Tests;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Render_SampleInput_MatchesSnapshot() =>
        Snapshot.Match(MarkdownReport.Render(SampleReport.Input()));

    [Theory]
    [InlineData("exp4", "plots/exp4-loss.svg")]
    [InlineData("my exp (v2)", "plots/my%20exp%20%28v2%29-loss.svg")]
    public void PlotLink_IsTheFileNamePercentEncoded_SoNamesWithSpacesStillLink(string experiment, string link)
    {
        Assert.Equal(link, MarkdownReport.PlotLink(experiment, "loss"));
        Assert.Equal($"plots/{experiment}-loss.svg", MarkdownReport.PlotPath(experiment, "loss"));
    }

    [Fact]
    public void Render_IsDeterministic_AndHasNoMachineFacts()
    {
        var first = MarkdownReport.Render(SampleReport.Input());
        var second = MarkdownReport.Render(SampleReport.Input());

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
        Assert.DoesNotContain(Environment.MachineName, first);
        Assert.DoesNotContain(Path.GetTempPath(), first);
    }

    [Fact]
    public void Render_FailedExperiment_IsMarkedWithItsError()
    {
        var report = MarkdownReport.Render(SampleReport.Input());

        Assert.Contains("| exp9 | 50 epochs | failed |", report);
        Assert.Contains("**Failed:** loss became NaN at epoch 3", report);
    }

    [Fact]
    public void Render_ExperimentRow_ShowsEpochsValidationTestAndRecall()
    {
        var report = MarkdownReport.Render(SampleReport.Input());

        // terminal val acc 0.70, best 0.72, test accuracy 940/1000, FN 10, recall 0.8, precision 40/90
        Assert.Contains("| exp4 | weighted, early stopping on val_loss (min) | 3 / 50 | 0.7000 | 0.7200 | 0.9400 | 10 | 0.8000 | 0.4444 | `0123456789ab` |", report);
    }
    [Fact]
    public void Render_APipeInAnExperimentName_IsEscapedInEveryTable_SoNoRowGainsAColumn()
    {
        var input = SampleReport.Input();
        var piped = input with
        {
            Experiments = [input.Experiments[0] with { Name = "a|b" }, input.Experiments[1] with { Name = "c|d" }],
            Scoring = [input.Scoring[0] with { Experiment = "a|b" }],
        };

        var report = MarkdownReport.Render(piped);

        Assert.Contains("| a\\|b | weighted, early stopping on val_loss (min) | 3 / 50 |", report);
        Assert.Contains("| c\\|d | 50 epochs | failed |", report);
        Assert.Contains("| a\\|b | 0.6123 |", report);
        // Every row of a table has as many unescaped cell separators as the table's header.
        foreach (var table in Tables(report))
        {
            Assert.All(table, row => Assert.Equal(Cells(table[0]), Cells(row)));
        }
    }

    private static IEnumerable<string[]> Tables(string markdown) =>
        markdown.Split("\n\n").Select(block => block.Split('\n').Where(l => l.StartsWith('|')).ToArray()).Where(t => t.Length > 0);

    private static int Cells(string row) => System.Text.RegularExpressions.Regex.Matches(row, @"(?<!\\)\|").Count;

    [Fact]
    public void Render_RandomSplitsAlone_HaveNoTestPeriodColumn() =>
        Assert.DoesNotContain("Test period", MarkdownReport.Render(SampleReport.Input()));

    [Fact]
    public void Render_AnOutOfTimeExperiment_SitsBesideTheInTimeOnes_WithItsTestPeriod()
    {
        var input = SampleReport.Input();
        var inTime = input.Experiments[0];
        var outOfTime = inTime with { Name = "exp6-out-of-time", TestPeriod = "from 2019-01-01" };
        var failed = input.Experiments[1] with { TestPeriod = "from 2019-01-01" };

        var report = MarkdownReport.Render(input with { Experiments = [inTime, outOfTime, failed] });

        Assert.Contains("| Experiment | Changes | Test period | Epochs run / max |", report);
        Assert.Contains("| exp4 | weighted, early stopping on val_loss (min) | random, all years | 3 / 50 | 0.7000 |", report);
        Assert.Contains("| exp6-out-of-time | weighted, early stopping on val_loss (min) | from 2019-01-01 | 3 / 50 | 0.7000 |", report);
        Assert.Contains("| exp9 | 50 epochs | from 2019-01-01 | failed |", report);
        Assert.Contains("out of time", report);
    }

    [Fact]
    public void Render_NamesTheDataVintage_WhenKnown()
    {
        var input = SampleReport.Input();

        var report = MarkdownReport.Render(input with { Data = input.Data with { Vintage = "`0123456789ab`: 6 files, all as pinned in data/workbooks.sha256" } });

        Assert.Contains("Data vintage `0123456789ab`: 6 files, all as pinned in data/workbooks.sha256.", report);
    }
}
