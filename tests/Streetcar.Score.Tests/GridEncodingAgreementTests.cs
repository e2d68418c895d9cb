using Streetcar.Prepare.Config;
using Streetcar.Prepare.Encode;
using Streetcar.Prepare.Reshape;

namespace Streetcar.Score.Tests;

/// <summary>A described trip gets exactly the codes Prepare gave its slot of the grid.</summary>
public sealed class GridEncodingAgreementTests
{
    [Fact]
    public void Encode_EverySlotOfAGrid_CodesOfItsGridRow()
    {
        // Two weeks across a year and month boundary, so every weekday and both years occur.
        var start = new DateOnly(2018, 12, 25);
        RouteDirection[] pairs = [new("301", "e"), new("501", "w"), new("511", "n")];
        const int days = 14;
        var rows = days * pairs.Length * 24;
        var grid = new SlotGrid(start, days, pairs,
            Enumerable.Range(0, rows).Select(r => r / (pairs.Length * 24)).ToArray(),
            Enumerable.Range(0, rows).Select(r => (byte)(r / 24 % pairs.Length)).ToArray(),
            Enumerable.Range(0, rows).Select(r => (byte)(r % 24)).ToArray(),
            new byte[rows]);
        var (encoded, encoders) = GridEncoder.Encode(grid);
        var trips = new TripEncoder(encoded.Columns, encoders);

        for (var r = 0; r < rows; r++)
        {
            var pair = pairs[grid.PairIndex[r]];
            var trip = new TripDescription(pair.Route, pair.Direction, grid.DateOf(r), grid.Hour[r]);
            Assert.Equal(encoded.Codes.Select(column => column[r]), trips.Encode(trip).Codes);
        }
    }
}
