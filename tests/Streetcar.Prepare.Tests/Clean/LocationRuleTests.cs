using Streetcar.Prepare.Clean;

namespace Streetcar.Prepare.Tests.Clean;

public class LocationRuleTests
{
    [Theory]
    [InlineData("Queen at King", "king and queen")]
    [InlineData("King/Queen", "king and queen")]
    [InlineData("Queen & Spadina", "queen and spadina")]
    [InlineData("Broadview Stn", "broadview station")]
    [InlineData("BroadviewStation", "broadview station")]
    [InlineData("Roncy Carhouse", "roncesvalles yard")]
    [InlineData("Russell Barns", "russell yard")]
    [InlineData("Long Branch Loop", "longbranch loop")]
    [InlineData("St. Clair West Stn", "st clair west station")]
    [InlineData("Spadina Ave. and King", "king and spadina")]
    public void Substitutions_ThenAlphabeticalIntersection(string raw, string expected) =>
        Assert.Equal(expected, LocationRule.Clean(raw));

    [Fact]
    public void Dot_IsARegexWildcard_AsInTheBook() =>
        // "yard." matches "yard " in the original, so the space goes: the book's regex quirk, kept on purpose.
        Assert.Equal("russell yardloop", LocationRule.Clean("Russell Yard Loop"));

    [Fact]
    public void APatternOnlyAppliesWhenItMatchedTheOriginal_AsPandasReplaceDoes() =>
        // "carhouse" → "yard" creates "yard " which "yard." would match, but the original had no "yard.": kept.
        Assert.Equal("queen and russell yard", LocationRule.Clean("Russell Carhouse and Queen"));

    [Theory]
    [InlineData("b and a", "a and b")]
    [InlineData("a and b", "a and b")]
    [InlineData(" and a", " and a")]
    [InlineData("a and ", "a and ")]
    [InlineData("c and b and a", "b and a and c")]
    public void OrderIntersection_SplitsAtTheFirstAnd(string raw, string expected) =>
        Assert.Equal(expected, LocationRule.OrderIntersection(raw));
}
