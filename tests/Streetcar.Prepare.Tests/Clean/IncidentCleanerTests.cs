using Streetcar.Prepare.Clean;
using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Tests.Clean;

public class IncidentCleanerTests
{
    private static RawIncident Raw(string? route, string? direction, string? vehicle, string? location = "King and Queen",
        double? delay = 5, int year = 2014) =>
        new(new RowSource("f.xlsx", "Jan", 2), new DateOnly(year, 1, 2), 6, route, "Thursday", location, null, delay, null, direction, vehicle);

    [Fact]
    public void BadRows_AreCounted_ThenRemoved()
    {
        RawIncident[] rows =
        [
            Raw("501", "E/B", "4001"),
            Raw("999", "E/B", "4001"),
            Raw("501", "xx", "4001"),
            Raw("999", "E/B", null, year: 2015),
        ];

        var result = IncidentCleaner.Clean(rows, dropBadRows: true);

        Assert.Equal(4, result.Stats.RawRows);
        Assert.Equal((2, 1, 1), (result.Stats.BadRoute, result.Stats.BadDirection, result.Stats.BadVehicle));
        Assert.Single(result.Incidents);
        Assert.Equal(1, result.Stats.RowsAfterRemoval);
        Assert.Equal(new Dictionary<int, int> { [2014] = 3, [2015] = 1 }, result.Stats.RawRowsByYear);
        Assert.Equal(new Dictionary<int, int> { [2014] = 1 }, result.Stats.RowsAfterRemovalByYear);
    }

    [Fact]
    public void WithoutRemoval_BadRowsStay_WithTheirTokens()
    {
        var result = IncidentCleaner.Clean([Raw("999", "b", "1")], dropBadRows: false);

        var row = Assert.Single(result.Incidents);
        Assert.Equal(("bad route", "bad direction", "bad vehicle"), (row.Route, row.Direction, row.Vehicle));
    }

    [Fact]
    public void MissingValues_AreFilled()
    {
        var row = IncidentCleaner.CleanOne(Raw("501", "E/B", "4001", location: null, delay: null));

        Assert.Equal(("missing", "missing", 0.0, 0.0), (row.Location, row.Incident, row.MinDelay, row.MinGap));
    }

    [Fact]
    public void DistinctCounts_AreBeforeAndAfterCleaning()
    {
        var result = IncidentCleaner.Clean([Raw("501", "E/B", "4001"), Raw("501", "eb", "4001"), Raw("501", "EB", "4001")], true);

        Assert.Equal(new DistinctCount(3, 1), result.Stats.Direction);
        Assert.Equal(new DistinctCount(1, 1), result.Stats.Route);
    }
}
