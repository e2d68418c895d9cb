using Streetcar.Core.Errors;
using Streetcar.Score.Batch;

namespace Streetcar.Score.Tests.Batch;

/// <summary>Issue 23, item 6: a header that says one thing twice is an error, never a silent pick of one copy.</summary>
public sealed class TripCsvHeaderTests
{
    [Theory]
    [InlineData("route,direction,datetime,route", "column 'route' appears 2 times")]
    [InlineData("Route,direction,datetime,ROUTE", "column 'route' appears 2 times")]
    [InlineData("route,direction,date,hour,hour", "column 'hour' appears 2 times")]
    [InlineData("route,direction,datetime,note,note,note", "column 'note' appears 3 times")]
    [InlineData("route,direction,datetime,date", "'datetime' and also 'date'")]
    [InlineData("route,direction,datetime,hour", "'datetime' and also 'hour'")]
    [InlineData("datetime,route,direction,date,hour", "give the time one way")]
    public void Parse_AColumnTwiceOrTheTimeTwoWays_IsADataErrorOnLine1(string header, string problem)
    {
        var error = Assert.Throws<DataException>(() => TripCsvHeader.Parse(header, "trips.csv"));

        Assert.StartsWith("trips.csv line 1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("route,direction,datetime", 1)]
    [InlineData("hour,date,direction,route,,", 2)]
    public void Parse_EachColumnOnce_OrBlankExtraColumns_IsAccepted(string header, int direction)
    {
        Assert.Equal(direction, TripCsvHeader.Parse(header, "trips.csv").Direction);
    }
}
