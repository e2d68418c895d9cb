using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class StatisticsFormatTests
{
    [Theory]
    [InlineData(0.8432, "0.84")]
    [InlineData(1.0, "1.00")]
    [InlineData(0.0625, "0.063")]
    [InlineData(0.0028, "0.003")]
    [InlineData(0.0004, "< 0.001")]
    [InlineData(0.0496, "0.0496")] // "0.050" would sit beside "significant at 0.05"
    [InlineData(0.04996, "0.04996")]
    [InlineData(0.0504, "0.0504")] // "0.050" would read as the level itself
    [InlineData(0.05, "0.050")]
    public void P_RoundsWithoutLandingOnOrAcrossAlpha(double p, string expected)
    {
        Assert.Equal(expected, StatisticsFormat.P(p, alpha: 0.05));
    }

    [Theory]
    [InlineData(0.01234, "+0.0123")]
    [InlineData(-0.004, "-0.0040")]
    [InlineData(-0.00001, "0.0000")] // not "-0.0000"
    [InlineData(double.NaN, "n/a")]
    public void Signed_ShowsTheDirection_AndNeverMinusZero(double value, string expected)
    {
        Assert.Equal(expected, StatisticsFormat.Signed(value, 4));
    }
}
