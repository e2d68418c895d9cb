using Streetcar.Prepare.Clean;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Ingest;
using Streetcar.Prepare.Reshape;

namespace Streetcar.Prepare.Tests.Reshape;

public class GridBuilderTests
{
    // Two days, a table with a duplicated pair (as the book's 304,e) and one pair never delayed.
    private static PrepareConfig Config(ReshapeMode mode = ReshapeMode.Book, double threshold = 0) => new()
    {
        StartDate = "2014-01-01",
        EndDate = "2014-01-02",
        Mode = mode,
        DelayThreshold = threshold,
        RouteDirections = [new("501", "e"), new("304", "e"), new("304", "e"), new("501", "b")],
    };

    private static CleanIncident Incident(string route, string direction, int day, int hour, double delay) =>
        new(new RowSource("f", "s", 2), new DateOnly(2014, 1, day), hour, route, direction, "4001", "x", "i", "d", delay, 0);

    private static readonly CleanIncident[] Incidents =
    [
        Incident("501", "e", 1, 8, 5),
        Incident("501", "e", 1, 8, 0),   // same slot, no delay: a second row in book mode
        Incident("304", "e", 1, 9, 10),  // duplicated pair: joins twice in book mode
        Incident("505", "w", 1, 9, 10),  // pair not in the table
        Incident("501", "e", 5, 9, 10),  // after the end date
    ];

    [Fact]
    public void BookMode_IsTheLeftJoin_WithOneRowPerIncident_AndTheDuplicatePair()
    {
        var result = GridBuilder.Build(Incidents, Config());

        Assert.Equal(2 * 4 * 24, result.Stats.GridSlots);
        // +1 for the second incident of the 501,e slot, +0 for 304,e (one incident, but the slot exists twice).
        Assert.Equal(2 * 4 * 24 + 1, result.Stats.Rows);
        Assert.Equal(3, result.Stats.Delays); // 501,e 8h once, 304,e 9h in both copies
        Assert.Equal(result.Stats.Rows - 3, result.Stats.NoDelays);
        Assert.Equal(1, result.Stats.DuplicateTableRows);
        Assert.Equal(1, result.Stats.IncidentsPairNotInTable);
        Assert.Equal(1, result.Stats.IncidentsOutsideDates);
        Assert.Equal(3, result.Stats.IncidentsJoined);
        Assert.Equal(["501,b"], result.Stats.PairsNeverPositive);
        Assert.Equal("2014-01-05", result.Stats.LastIncidentDate);
        Assert.Equal(0, result.Stats.GridDaysAfterLastIncident);
    }

    [Fact]
    public void BookMode_KeepsIncidentOrderWithinASlot()
    {
        var grid = GridBuilder.Build(Incidents, Config()).Grid;

        var rows = Enumerable.Range(0, grid.Rows)
            .Where(r => grid.DayIndex[r] == 0 && grid.PairIndex[r] == 0 && grid.Hour[r] == 8)
            .Select(r => grid.Label[r])
            .ToArray();
        Assert.Equal(new byte[] { 1, 0 }, rows);
    }

    [Fact]
    public void SlotsMode_HasOneRowPerDistinctSlot_PositiveWhenAnyIncidentIsADelay()
    {
        var result = GridBuilder.Build(Incidents, Config(ReshapeMode.Slots));

        Assert.Equal(2 * 3 * 24, result.Stats.Rows);
        Assert.Equal(2, result.Stats.Delays);
        Assert.Equal(3, result.Grid.Pairs.Count);
    }

    [Fact]
    public void Threshold_DecidesWhatIsADelay()
    {
        var result = GridBuilder.Build(Incidents, Config(threshold: 5));

        Assert.Equal(2, result.Stats.Delays); // only the 10-minute 304,e incident, twice
    }

    [Fact]
    public void DaysAfterTheLastIncident_AreCounted()
    {
        var result = GridBuilder.Build([Incident("501", "e", 1, 0, 1)], Config());

        Assert.Equal(1, result.Stats.GridDaysAfterLastIncident);
    }
}
