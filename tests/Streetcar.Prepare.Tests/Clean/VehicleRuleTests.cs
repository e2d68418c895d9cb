using Streetcar.Prepare.Clean;

namespace Streetcar.Prepare.Tests.Clean;

public class VehicleRuleTests
{
    [Theory]
    [InlineData("4000")]
    [InlineData("4005")]
    [InlineData("4251")]
    [InlineData("4400")]
    [InlineData("4507")]
    [InlineData("4900")]
    [InlineData("1149")]
    [InlineData("7881")]
    [InlineData("9026")]
    public void StreetcarOrBus_IsKept(string vehicle) => Assert.Equal(vehicle, VehicleRule.Clean(vehicle));

    [Theory]
    [InlineData("4006")]
    [InlineData("4401")]
    [InlineData("4508")]
    [InlineData("2766")]
    [InlineData("0")]
    [InlineData("163242")]
    [InlineData("40a1")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownMissingOrNonNumeric_IsBad(string? vehicle) => Assert.Equal("bad vehicle", VehicleRule.Clean(vehicle));
    [Fact]
    public void AFlexityCarAfter4507_IsBadUnderTheBooksRanges_AndKeptUnderWiderOnes()
    {
        Assert.Equal("bad vehicle", VehicleRule.Clean("4555"));
        Assert.Equal("4555", VehicleRule.Clean("4555", [(4402, 4604)]));
        Assert.Equal("bad vehicle", VehicleRule.Clean("4018", [(4402, 4604)]));
    }
}
