using Streetcar.Report.Markdown;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class StatisticsMarkdownTests
{
    [Fact]
    public void RepeatsTable_ShowsMeanSdAndInterval_OneRepeatWithout_FailedAsFailed()
    {
        var md = RepeatsTable.Render(
        [
            Repeats.Recalls("exp3", 1, 2, 3, 4, 5),
            Repeats.Recalls("exp4", 0.7433),
            new RepeatedExperiment("exp5", []),
        ]);

        Assert.Contains("| Experiment | Repeats | Test accuracy | Recall | Precision | ROC AUC | PR AUC | Epochs run |\n", md);
        // Recall 1..5 (see RepeatSummaryTests); epochs 10..14: mean 12, sd 1.5811, CI 12 ± 1.963.
        Assert.Contains("| exp3 | 5 |", md);
        var ci = BootstrapInterval.OfMean([1, 2, 3, 4, 5]);
        Assert.Contains($"| 3.0000 ± 1.5811 [{ci.Lower:F4}, {ci.Upper:F4}] |", md);
        Assert.Contains("| 12.0 ± 1.6 [10.0, 14.0] |\n", md);
        Assert.Contains("| exp4 | 1 | 0.8257 (one repeat: no interval) | 0.7433 (one repeat: no interval) |", md);
        Assert.Contains("| exp5 | 0 | failed | failed | failed | failed | failed | failed |\n", md);
    }

    [Fact]
    public void RepeatsTable_Cell_CountsUndefinedValues()
    {
        var cell = RepeatsTable.Cell(RepeatSummary.Of([0.5, double.NaN, 0.5]), RepeatMetric.RocAuc);

        Assert.Equal("0.5000 ± 0.0000 [0.5000, 0.5000] (1 n/a)", cell);
    }

    [Fact]
    public void RepeatsDetail_ListsEachRepeatAndMarksTheServingOne()
    {
        var md = RepeatsDetail.Render(Repeats.Recalls("exp3", 0.5, 0.25), servingRepeat: 1);

        Assert.StartsWith("| Repeat | Test accuracy | Recall | Precision | ROC AUC | PR AUC | Epochs run |\n", md);
        Assert.Contains("| 0 | 0.8500 | 0.5000 | 0.2000 | 0.8000 | 0.3000 | 10 |\n", md);
        Assert.Contains("| 1 (serves) | 0.8750 | 0.2500 |", md);
    }

    [Fact]
    public void DifferencesSection_ListsTheSentences()
    {
        var comparisons = PairedComparisons.Compare(
            [Repeats.Recalls("exp3", 0.5), Repeats.Recalls("exp4", 0.51)], [new ExperimentPair("exp3", "exp4")], RepeatMetric.Recall);

        var md = DifferencesSection.Render(comparisons);

        Assert.StartsWith("## Differences\n\n", md);
        Assert.Contains("Holm-adjusted p below 0.05", md);
        Assert.Contains($"- {comparisons[0].Sentence}\n", md);
    }

    [Fact]
    public void IntervalsNote_ShowsTheTestSetIntervalForScale()
    {
        var example = new TestSetInterval("exp5's recall (serving repeat 2)", "delays caught", ProportionEstimate.Wilson(8, 10));

        var md = IntervalsNote.Render(example);

        Assert.Contains("For scale, exp5's recall (serving repeat 2) is 0.8000 (8 of 10 delays caught), with a 95 % Wilson interval of 0.4902 to 0.9433", md);
        Assert.Contains("not shown to be zero", md);
        Assert.DoesNotContain("For scale", IntervalsNote.Render(null));
    }
}
