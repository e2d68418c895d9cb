using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class NoiseRuleTests
{
    [Fact]
    public void Judge_InsideTheOldInterval_IsWithinNoise_OutsideIsNot()
    {
        var old = RepeatSummary.Of([1, 2, 3, 4, 5]); // [1.0368, 4.9632]

        Assert.Equal(NoiseVerdict.WithinNoise, NoiseRule.Judge(old, 4.9));
        Assert.Equal(NoiseVerdict.OutsideNoise, NoiseRule.Judge(old, 5.0));
        Assert.Equal("outside noise", NoiseRule.Describe(NoiseRule.Judge(old, 1.0)));
    }

    [Fact]
    public void Judge_SingleOldRepeat_OrMissingNewValue_HasNoInterval()
    {
        Assert.Equal(NoiseVerdict.NoInterval, NoiseRule.Judge(RepeatSummary.Of([0.7]), 0.7));
        Assert.Equal(NoiseVerdict.NoInterval, NoiseRule.Judge(RepeatSummary.Of([1, 2]), double.NaN));
    }
}
