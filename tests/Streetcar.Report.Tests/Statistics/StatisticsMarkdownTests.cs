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

        Assert.Contains("| Experiment | Repeats | Collapsed | Test accuracy | Recall | Precision | ROC AUC | PR AUC | Epochs run |\n", md);
        // Recall 1..5 (see RepeatSummaryTests); epochs 10..14: mean 12, sd 1.5811, CI 12 ± 1.963. None collapsed.
        Assert.Contains("| exp3 | 5 | 0/5 [0.00, 0.52] |", md);
        var ci = BootstrapInterval.OfMean([1, 2, 3, 4, 5]);
        Assert.Contains($"| 3.0000 ± 1.5811 [{ci.Lower:F4}, {ci.Upper:F4}] |", md);
        Assert.Contains("| 12.0 ± 1.6 [10.0, 14.0] |\n", md);
        Assert.Contains("| exp4 | 1 | 0/1 [0.00, 0.98] | 0.8257 (one repeat: no interval) | 0.7433 (one repeat: no interval) |", md);
        Assert.Contains("| exp5 | 0 | failed | failed | failed | failed | failed | failed | failed |\n", md);
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
    public void DifferencesSection_IsOneRowPerPair_OneColumnPerMetric()
    {
        RepeatedExperiment[] experiments = [Repeats.Recalls("exp3", 0.5), Repeats.Recalls("exp4", 0.51), Repeats.Recalls("exp5", 0.40, 0.41)];
        var comparisons = PairedComparisons.CompareEach(experiments, ExperimentPair.Consecutive(["exp3", "exp4", "exp5"]), [RepeatMetric.Recall, RepeatMetric.PrAuc]);

        var md = DifferencesSection.Render(comparisons);

        Assert.StartsWith("## Differences\n\n", md);
        Assert.Contains("| Pair | Recall | PR AUC |\n|---|---:|---:|\n", md);
        // One repeat in common: the difference, no interval and no test.
        Assert.Contains("| exp4 vs exp3 | +0.0100 (1 pair) |", md);
        Assert.Contains("| exp5 vs exp4 | -0.1100 (1 pair) |", md);
    }

    [Fact]
    public void RepeatsTable_NamesCollapsedRepeats_WithClopperPearson_AndTheWorkingMedian()
    {
        var scores = new[] { 0.82, 0.0, 0.023, 0.001, 0.81 }
            .Select((recall, i) => new RepeatScores(i + 1, 0.9, recall, 0.05, 0.8, 0.1, 20, Collapsed: recall < 0.1)).ToArray();

        var md = RepeatsTable.Render([new RepeatedExperiment("exp4", scores)]);

        // 3 of 5: Beta(3, 3) at 0.025 is 0.1466, Beta(4, 2) at 0.975 is 0.9473 (R: binom.test(3, 5)).
        Assert.Contains("| exp4 | 5 | 3/5 [0.15, 0.95] |", md);
        Assert.Contains("; working 0.8150 [0.8100, 0.8200] |", md);
    }

    [Fact]
    public void IntervalsNote_ShowsTheTestSetIntervalForScale()
    {
        var example = new TestSetInterval("exp5's recall (serving repeat 2)", "delays caught", ProportionEstimate.Wilson(8, 10));

        var md = IntervalsNote.Render(example);

        Assert.Contains("For scale (an illustration, not a choice), exp5's recall (serving repeat 2) is 0.8000 (8 of 10 delays caught), with a 95 % Wilson interval of 0.4902 to 0.9433", md);
        Assert.Contains("not shown to be zero", md);
        Assert.DoesNotContain("For scale", IntervalsNote.Render(null));
    }
}
