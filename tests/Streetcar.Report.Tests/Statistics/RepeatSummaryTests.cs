using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class RepeatSummaryTests
{
    [Fact]
    public void Of_OneToFive_GivesTheTextbookTInterval()
    {
        // mean 3, sd √2.5 = 1.5811; t(0.975, 4) = 2.776 (any t table), half-width 2.776 · 1.5811 / √5 = 1.963.
        var s = RepeatSummary.Of([1, 2, 3, 4, 5]);

        Assert.Equal(5, s.N);
        Assert.Equal(3, s.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), s.Sd!.Value, 12);
        Assert.Equal(1.0368, s.Interval!.Lower, 4);
        Assert.Equal(4.9632, s.Interval.Upper, 4);
        Assert.Equal(0.95, s.Interval.Level);
        Assert.Equal((1.0, 5.0), (s.Min, s.Max));
    }

    [Fact]
    public void Of_OneValue_HasNoSdAndNoInterval()
    {
        var s = RepeatSummary.Of([0.7433]);

        Assert.Equal(1, s.N);
        Assert.Equal(0.7433, s.Mean);
        Assert.Null(s.Sd);
        Assert.Null(s.Interval);
    }

    [Fact]
    public void Of_EqualValues_GivesZeroSdAndAZeroWidthInterval()
    {
        var s = RepeatSummary.Of([0.25, 0.25, 0.25]);

        Assert.Equal(0, s.Sd);
        Assert.Equal(0, s.Interval!.Width);
        Assert.True(s.Interval.Contains(0.25));
    }

    [Fact]
    public void Of_NaNValues_AreCountedAsUndefinedAndLeftOut()
    {
        var s = RepeatSummary.Of([0.5, double.NaN, 0.7]);

        Assert.Equal(2, s.N);
        Assert.Equal(1, s.Undefined);
        Assert.Equal(0.6, s.Mean, 12);
        Assert.Equal([0.5, 0.7], s.Values);
    }

    [Fact]
    public void Of_NoDefinedValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => RepeatSummary.Of([double.NaN]));
        Assert.Throws<ArgumentException>(() => RepeatSummary.Of([]));
    }

    [Fact]
    public void Of_LevelOutsideZeroOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RepeatSummary.Of([1, 2], level: 1));
    }
}
