using Streetcar.Prepare.Clean;

namespace Streetcar.Prepare.Tests.Clean;

public class DirectionRuleTests
{
    [Theory]
    [InlineData("E/B", "e")]
    [InlineData("eb", "e")]
    [InlineData("Eastbound", "e")]
    [InlineData("westbound", "w")]
    [InlineData("N/B", "n")]
    [InlineData("SB", "s")]
    [InlineData("B/W", "w")]
    public void KnownSpellings_Normalise(string raw, string expected) => Assert.Equal(expected, DirectionRule.Clean(raw));

    [Theory]
    [InlineData("b")]
    [InlineData("E/W")]
    [InlineData("missing")]
    [InlineData("")]
    [InlineData(null)]
    public void Others_AreBad(string? raw) => Assert.Equal("bad direction", DirectionRule.Clean(raw));

    [Fact]
    public void EveryB_IsRemoved_SoALoneBBecomesEmpty() => Assert.Equal("", DirectionRule.Normalize("B"));
}
