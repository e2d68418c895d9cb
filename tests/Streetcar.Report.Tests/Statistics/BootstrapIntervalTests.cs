using Streetcar.Core.Randomness;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class BootstrapIntervalTests
{
    [Fact]
    public void OfMean_ManyValues_ApproachesTheNormalIntervalOfTheMean()
    {
        // 400 uniform values: the bootstrap distribution of the mean is close to normal, so the percentile interval
        // is close to mean ± 1.96 · sd / √n (n − 1 or n in the sd makes 0.1 % here).
        var random = new SplitMix64(7);
        var values = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var mean = values.Average();
        var se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length / values.Length);

        var ci = BootstrapInterval.OfMean(values);

        Assert.Equal(mean - 1.96 * se, ci.Lower, 2);
        Assert.Equal(mean + 1.96 * se, ci.Upper, 2);
        Assert.InRange(ci.Width / (2 * 1.96 * se), 0.93, 1.07);
    }

    [Fact]
    public void OfMean_RatesWithCollapsedRepeats_StaysInsideTheirRange_AndIsReproducible()
    {
        // exp4's recall by repeat in issue 19: a Student t interval of these reaches -0.22.
        double[] recall = [0.82, 0, 0.023, 0.001, 0.81];

        var a = BootstrapInterval.OfMean(recall);
        var b = BootstrapInterval.OfMean(recall);

        Assert.Equal(a, b);
        Assert.True(a.Lower >= 0 && a.Upper <= 0.82);
        Assert.True(a.Contains(recall.Average()));
        Assert.True(a.Width > 0.3);
    }

    [Fact]
    public void OfMean_EqualValues_IsThatValue()
    {
        var ci = BootstrapInterval.OfMean([0.25, 0.25, 0.25]);

        Assert.Equal((0.25, 0.25), (ci.Lower, ci.Upper));
    }

    [Fact]
    public void OfMean_NaNOrNothing_Throws()
    {
        Assert.Throws<ArgumentException>(() => BootstrapInterval.OfMean([]));
        Assert.Throws<ArgumentException>(() => BootstrapInterval.OfMean([0.1, double.NaN]));
    }
}
