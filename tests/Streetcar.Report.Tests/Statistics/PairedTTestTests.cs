using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class PairedTTestTests
{
    /// <summary>Student's (1908) sleep data, group 1 − group 2 (R's <c>sleep</c>).</summary>
    internal static readonly double[] SleepDifferences = [-1.2, -2.4, -1.3, -1.3, 0.0, -1.0, -1.8, -0.8, -4.6, -1.4];

    [Fact]
    public void Of_SleepData_MatchesRsDocumentedOutput()
    {
        // R: t.test(extra ~ group, data = sleep, paired = TRUE) → t = -4.0621, df = 9, p-value = 0.002833,
        // 95 percent confidence interval -2.4598858 -0.7001142, mean difference -1.58.
        var t = PairedTTest.Of(SleepDifferences);

        Assert.Equal(10, t.N);
        Assert.Equal(-1.58, t.MeanDifference, 10);
        Assert.Equal(-4.0621, t.T!.Value, 4);
        Assert.Equal(0.002833, t.P!.Value, 6);
        Assert.Equal(-2.4598858, t.Interval!.Lower, 6);
        Assert.Equal(-0.7001142, t.Interval.Upper, 6);
    }

    [Fact]
    public void Of_OnePair_HasNoTestAndNoInterval()
    {
        var t = PairedTTest.Of([0.3]);

        Assert.Equal(0.3, t.MeanDifference);
        Assert.Null(t.P);
        Assert.Null(t.Interval);
    }

    [Fact]
    public void Of_AllDifferencesZero_IsPOne()
    {
        var t = PairedTTest.Of([0, 0, 0, 0, 0]);

        Assert.Equal(1, t.P);
        Assert.Equal(0, t.Sd);
        Assert.Equal(0, t.Interval!.Width);
    }

    [Fact]
    public void Of_SameNonZeroDifferenceEveryTime_IsTheLimitPZero()
    {
        var t = PairedTTest.Of([2, 2, 2]);

        Assert.Equal(0, t.P);
        Assert.Equal(double.PositiveInfinity, t.T);
    }

    [Fact]
    public void Of_NaNOrNothing_Throws()
    {
        Assert.Throws<ArgumentException>(() => PairedTTest.Of([]));
        Assert.Throws<ArgumentException>(() => PairedTTest.Of([1, double.NaN]));
    }
}
