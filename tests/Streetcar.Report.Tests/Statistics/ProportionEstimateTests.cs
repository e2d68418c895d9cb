using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class ProportionEstimateTests
{
    [Fact]
    public void Wilson_EightOfTen_MatchesThePublishedInterval()
    {
        // Wilson 95 % for 8/10 is 0.4902 to 0.9433 (e.g. R binom::binom.confint(8, 10, method = "wilson")).
        var e = ProportionEstimate.Wilson(8, 10);

        Assert.Equal(0.8, e.Proportion);
        Assert.Equal(0.49016, e.Interval!.Lower, 5);
        Assert.Equal(0.94332, e.Interval.Upper, 5);
    }

    [Fact]
    public void Wilson_NoSuccess_StartsAtZeroAndDoesNotCollapse()
    {
        // 0/10: the Wald interval would be the point 0; Wilson's upper bound is 0.2775.
        var e = ProportionEstimate.Wilson(0, 10);

        Assert.Equal(0, e.Interval!.Lower);
        Assert.Equal(0.27753, e.Interval.Upper, 5);
        Assert.Equal(1, ProportionEstimate.Wilson(10, 10).Interval!.Upper);
    }

    [Fact]
    public void Wilson_NoTrials_HasNoInterval()
    {
        var e = ProportionEstimate.Wilson(0, 0);

        Assert.Null(e.Interval);
        Assert.True(double.IsNaN(e.Proportion));
    }

    [Fact]
    public void Wilson_MoreSuccessesThanTrials_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProportionEstimate.Wilson(11, 10));
        Assert.Throws<ArgumentException>(() => ProportionEstimate.Wilson(-1, 10));
    }

    [Fact]
    public void RecallOf_And_AccuracyOf_CountFromTheConfusionMatrix()
    {
        var c = new ConfusionMatrix(TrueNegatives: 80, FalsePositives: 10, FalseNegatives: 2, TruePositives: 8);

        var recall = ProportionEstimate.RecallOf(c);
        var accuracy = ProportionEstimate.AccuracyOf(c);

        Assert.Equal((8L, 10L), (recall.Successes, recall.Trials));
        Assert.Equal(0.49016, recall.Interval!.Lower, 5);
        Assert.Equal((88L, 100L), (accuracy.Successes, accuracy.Trials));
    }

    [Fact]
    public void ClopperPearson_MatchesRsBinomTest_AndReachesTheEnds()
    {
        // R: binom.test(3, 5)$conf.int = 0.1466328 0.9472550; binom.test(0, 5): 0 to 1 − 0.025^(1/5) = 0.5218238.
        var three = ProportionEstimate.ClopperPearson(3, 5);
        var none = ProportionEstimate.ClopperPearson(0, 5);
        var all = ProportionEstimate.ClopperPearson(5, 5);

        Assert.Equal(0.1466328, three.Interval!.Lower, 6);
        Assert.Equal(0.9472550, three.Interval.Upper, 6);
        Assert.Equal((0.0, 1 - Math.Pow(0.025, 0.2)), (none.Interval!.Lower, Math.Round(none.Interval.Upper, 12)), new RoundedPair());
        Assert.Equal(1.0, all.Interval!.Upper);
        Assert.Equal(Math.Pow(0.025, 0.2), all.Interval.Lower, 9);
        Assert.Null(ProportionEstimate.ClopperPearson(0, 0).Interval);
    }

    private sealed class RoundedPair : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) < 1e-9 && Math.Abs(a.Item2 - b.Item2) < 1e-9;

        public int GetHashCode((double, double) obj) => 0;
    }
}
