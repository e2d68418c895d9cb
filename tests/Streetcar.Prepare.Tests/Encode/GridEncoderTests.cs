using Streetcar.Core.Data;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Encode;
using Streetcar.Prepare.Reshape;

namespace Streetcar.Prepare.Tests.Encode;

public class GridEncoderTests
{
    [Fact]
    public void Codes_AreTheOrdinalOrderOfTheStringValues()
    {
        var config = new PrepareConfig
        {
            StartDate = "2019-12-30",
            EndDate = "2020-01-02",
            RouteDirections = [new("510", "w"), new("301", "e")],
        };
        var grid = GridBuilder.Build([], config).Grid;

        var (encoded, encoders) = GridEncoder.Encode(grid);

        Assert.Equal(FeatureColumns.All, encoders.Select(e => e.Column));
        Assert.Equal(["301", "510"], encoders[0].Values);
        Assert.Equal(["0", "1", "10", "11"], encoders[2].Values.Take(4));
        Assert.Equal(["2019", "2020"], encoders[3].Values);
        Assert.Equal(["1", "12"], encoders[4].Values);
        Assert.Equal(["1", "2", "30", "31"], encoders[5].Values);
        Assert.Equal(["0", "1", "2", "3"], encoders[6].Values); // Monday 30th … Thursday 2nd
        // Row 0: 2019-12-30 (a Monday), pair 0 (510,w), hour 0.
        Assert.Equal(1, encoded.Codes[0][0]);
        Assert.Equal(encoders[1].Encode("w"), encoded.Codes[1][0]);
        Assert.Equal(0, encoded.Codes[6][0]);
        Assert.Equal(grid.Rows, encoded.Rows);
    }

    [Theory]
    [InlineData(2014, 1, 1, 2)] // Wednesday
    [InlineData(2019, 12, 30, 0)] // Monday
    [InlineData(2019, 12, 29, 6)] // Sunday
    public void Weekday_IsPandas_MondayZero(int y, int m, int d, int expected) =>
        Assert.Equal(expected, GridEncoder.Weekday(new DateOnly(y, m, d)));
}
