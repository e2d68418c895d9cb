using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class PairedComparisonsTests
{
    // Student's sleep data scaled to recalls (0.5 + extra / 10): the paired t-test's t and p are unchanged by the
    // scaling and the interval scales by 1/10 (R: p = 0.002833, CI -2.4598858 to -0.7001142, mean -1.58).
    private static readonly double[] Group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] Group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    private static RepeatedExperiment Scaled(string name, double[] extra) => Repeats.Recalls(name, [.. extra.Select(x => 0.5 + x / 10)]);

    [Fact]
    public void Compare_SleepData_GivesRsFiguresAndAQuotableSentence()
    {
        var exp3 = Scaled("exp3", Group2);
        var exp4 = Scaled("exp4", Group1);

        var c = Assert.Single(PairedComparisons.Compare([exp3, exp4], [new ExperimentPair("exp3", "exp4")], RepeatMetric.Recall));

        Assert.Equal(10, c.Repeats);
        Assert.Equal(-0.158, c.MeanDifference, 10);
        Assert.Equal(0.002833, c.P!.Value, 6);
        // The interval of a rate's difference is the bootstrap one over the pairs: inside the differences' range and
        // narrower than R's t interval (-0.2460 to -0.0700) at this n, with the mean inside.
        var d = Group1.Zip(Group2, (a, b) => (a - b) / 10).ToArray();
        Assert.Equal(BootstrapInterval.OfMean(d).Lower, c.Interval!.Lower, 12);
        Assert.Equal(BootstrapInterval.OfMean(d).Upper, c.Interval.Upper, 12);
        Assert.True(c.Interval.Lower >= d.Min() - 1e-12 && c.Interval.Upper <= d.Max() + 1e-12);
        Assert.True(c.Interval.Lower > -0.24598858 && c.Interval.Upper < -0.07001142);
        Assert.True(c.Interval.Contains(c.MeanDifference));
        Assert.Equal(c.P, c.AdjustedP); // a family of one
        Assert.True(c.Significant);
        // 9 non-zero differences, all negative: the two extreme sign patterns of 512.
        Assert.Equal(2.0 / 512, c.Wilcoxon!.P);
        Assert.Equal(
            $"exp4 vs exp3: recall differs by -0.1580 (95 % bootstrap interval {c.Interval.Lower:F4} to {c.Interval.Upper:F4}); paired t p = 0.003, Holm-adjusted 0.003: "
            + "significant at 0.05 over 10 repeats (exact Wilcoxon signed-rank p = 0.004).",
            c.Sentence);
    }

    [Fact]
    public void Compare_Family_IsHolmCorrectedAcrossThePairs()
    {
        var exp3 = Scaled("exp3", Group2);
        var exp4 = Scaled("exp4", Group1);
        double[] noise = [0.01, -0.02, 0.015, -0.005, 0.0, 0.01, -0.01, 0.005, -0.015, 0.03];
        var exp5 = Repeats.Recalls("exp5", [.. exp4.Repeats.Select((r, i) => r.Recall + noise[i])]);

        var family = PairedComparisons.Compare([exp3, exp4, exp5], ExperimentPair.Consecutive(["exp3", "exp4", "exp5"]), RepeatMetric.Recall);

        var (first, second) = (family[0], family[1]);
        Assert.True(first.P < second.P);
        Assert.Equal(2 * first.P!.Value, first.AdjustedP!.Value, 12);
        Assert.Equal(Math.Max(second.P!.Value, 2 * first.P.Value), second.AdjustedP!.Value, 12);
        Assert.True(first.Significant);
        Assert.False(second.Significant);
        Assert.Contains("exp5 vs exp4: recall differs by +0.0020", second.Sentence);
        Assert.Contains("not significant at 0.05 over 10 repeats", second.Sentence);
    }

    [Fact]
    public void Compare_PairsByRepeatIndex_LeavingOutRepeatsOnlyOneSideHas()
    {
        var baseline = Repeats.Indexed("exp3", (0, 0.5), (1, 0.6), (2, 0.7));
        var candidate = Repeats.Indexed("exp4", (1, 0.65), (2, 0.7), (3, 0.9));

        var c = PairedComparisons.Compare([baseline, candidate], [new ExperimentPair("exp3", "exp4")], RepeatMetric.Recall)[0];

        Assert.Equal(2, c.Repeats);
        Assert.Equal(0.025, c.MeanDifference, 12);
    }

    [Fact]
    public void Compare_OneSharedRepeat_SaysThereIsNoTest()
    {
        var c = PairedComparisons.Compare(
            [Repeats.Recalls("exp3", 0.5), Repeats.Recalls("exp4", 0.51)], [new ExperimentPair("exp3", "exp4")], RepeatMetric.Recall)[0];

        Assert.Null(c.P);
        Assert.Null(c.AdjustedP);
        Assert.False(c.Significant);
        Assert.Equal("exp4 vs exp3: recall differs by +0.0100 in the one repeat both have; one pair gives no interval and no test.", c.Sentence);
    }

    [Fact]
    public void Compare_NoSharedRepeat_IsNotCompared()
    {
        var c = PairedComparisons.Compare(
            [Repeats.Recalls("exp3", 0.5), new RepeatedExperiment("exp4", [])], [new ExperimentPair("exp3", "exp4")], RepeatMetric.Recall)[0];

        Assert.Equal(0, c.Repeats);
        Assert.False(c.Significant);
        Assert.Equal("exp4 vs exp3: recall: no repeat of both experiments succeeded, so they are not compared.", c.Sentence);
    }

    [Fact]
    public void Compare_IdenticalResults_SaysSoAndIsNotSignificant()
    {
        var c = PairedComparisons.Compare(
            [Repeats.Recalls("exp3", 0.5, 0.6, 0.7), Repeats.Recalls("exp4", 0.5, 0.6, 0.7)], [new ExperimentPair("exp3", "exp4")], RepeatMetric.Recall)[0];

        Assert.Equal(1, c.P);
        Assert.False(c.Significant);
        Assert.Equal("exp4 vs exp3: recall is identical in all 3 repeats, so there is no difference to test (not significant at 0.05).", c.Sentence);
    }

    [Fact]
    public void Compare_SameNonZeroDifferenceEveryRepeat_SaysSoRatherThanQuotingAZeroWidthInterval()
    {
        var baseline = new RepeatedExperiment("exp3", [.. Enumerable.Range(0, 3).Select(i => Repeats.Scores(i, 0.5))]);
        var candidate = new RepeatedExperiment("exp4", [.. baseline.Repeats.Select(r => r with { EpochsRun = r.EpochsRun + 2 })]);

        var c = PairedComparisons.Compare([baseline, candidate], [new ExperimentPair("exp3", "exp4")], RepeatMetric.EpochsRun)[0];

        Assert.Equal(0, c.P);
        Assert.True(c.Significant);
        Assert.Equal(
            "exp4 vs exp3: epochs run differs by exactly +2.0 in every one of the 3 repeats (no spread, so t is infinite); "
            + "Holm-adjusted p < 0.001: significant at 0.05 over 3 repeats.",
            c.Sentence);
    }

    [Fact]
    public void CompareEach_IsOneHolmFamilyPerMetric_InMetricOrder()
    {
        var exp3 = Scaled("exp3", Group2);
        var exp4 = Scaled("exp4", Group1);
        var pairs = new[] { new ExperimentPair("exp3", "exp4") };

        var all = PairedComparisons.CompareEach([exp3, exp4], pairs, [RepeatMetric.Recall, RepeatMetric.TestAccuracy]);

        Assert.Equal([RepeatMetric.Recall, RepeatMetric.TestAccuracy], all.Select(c => c.Metric));
        // Accuracy is a linear function of recall in these repeats: same t, same p, and a family of one each.
        Assert.All(all, c => Assert.Equal(c.P, c.AdjustedP));
        Assert.Equal(all[0].P!.Value, all[1].P!.Value, 9);
    }

    [Fact]
    public void Compare_FiveRepeats_WarnsThatTheSignedRankTestCannotReachTheLevel()
    {
        var c = PairedComparisons.Compare(
            // Dyadic values, so the differences are exact: +1/8, +1/16, −1/32, +1/4, +1/64 → ranks 4, 3, 2, 5, 1;
            // W+ = 13, as extreme: W+ ≥ 13 or ≤ 2, 6 of 32 patterns = 0.1875.
            [Repeats.Recalls("exp3", 0.5, 0.25, 0.75, 0.625, 0.375), Repeats.Recalls("exp4", 0.625, 0.3125, 0.71875, 0.875, 0.390625)],
            [new ExperimentPair("exp3", "exp4")], RepeatMetric.Recall)[0];

        Assert.EndsWith("over 5 repeats (exact Wilcoxon signed-rank p = 0.19, which cannot go below 0.063 with 5 non-zero differences).", c.Sentence);
    }

    [Fact]
    public void Compare_UnknownExperiment_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            PairedComparisons.Compare([Repeats.Recalls("exp3", 0.5)], [new ExperimentPair("exp3", "exp9")], RepeatMetric.Recall));
        Assert.Contains("exp9", e.Message);
    }
}
