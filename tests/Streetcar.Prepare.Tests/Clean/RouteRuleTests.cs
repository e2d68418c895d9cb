using Streetcar.Prepare.Clean;

namespace Streetcar.Prepare.Tests.Clean;

public class RouteRuleTests
{
    [Theory]
    [InlineData("501")]
    [InlineData("310")]
    public void ValidRoute_IsKept(string route) => Assert.Equal(route, RouteRule.Clean(route));

    [Theory]
    [InlineData("500")]
    [InlineData("501.0")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherRoute_IsBad(string? route) => Assert.Equal("bad route", RouteRule.Clean(route));
}
