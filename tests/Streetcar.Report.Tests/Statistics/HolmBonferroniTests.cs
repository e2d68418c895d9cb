using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class HolmBonferroniTests
{
    [Fact]
    public void Adjust_HandMadeFamily_StepsDownWithTheRunningMaximum()
    {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → max so far 0.06.
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") → 0.03 0.06 0.06 0.02.
        var adjusted = HolmBonferroni.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal(0.03, adjusted[0]!.Value, 12);
        Assert.Equal(0.06, adjusted[1]!.Value, 12);
        Assert.Equal(0.06, adjusted[2]!.Value, 12);
        Assert.Equal(0.02, adjusted[3]!.Value, 12);
    }

    [Fact]
    public void Adjust_CapsAtOne()
    {
        Assert.Equal([1.0, 1.0], HolmBonferroni.Adjust([0.6, 0.9]));
    }

    [Fact]
    public void Adjust_UntestedPairs_StayNullAndDoNotCountInTheFamily()
    {
        var adjusted = HolmBonferroni.Adjust([0.01, null, 0.04]);

        Assert.Equal(0.02, adjusted[0]!.Value, 12);
        Assert.Null(adjusted[1]);
        Assert.Equal(0.04, adjusted[2]!.Value, 12);
    }

    [Fact]
    public void Adjust_PValueOutsideZeroOne_Throws()
    {
        Assert.Throws<ArgumentException>(() => HolmBonferroni.Adjust([1.5]));
        Assert.Throws<ArgumentException>(() => HolmBonferroni.Adjust([double.NaN]));
    }
}
