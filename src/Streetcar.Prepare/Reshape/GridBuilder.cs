using System.Globalization;
using Streetcar.Prepare.Clean;
using Streetcar.Prepare.Config;

namespace Streetcar.Prepare.Reshape;

/// <summary>
/// Builds the book's "refactored" dataset: every day of the configured dates × every row of the route/direction
/// table × 24 hours, left-joined with the cleaned incidents on (date, route, direction, hour). The target of a row
/// is 1 when its incident's Min Delay exceeds the threshold.
/// <list type="bullet">
/// <item><see cref="ReshapeMode.Book"/>: the table as given (its duplicate <c>304,e</c> row doubles those slots) and
/// one row per joined incident, as pandas' left merge does.</item>
/// <item><see cref="ReshapeMode.Slots"/>: the distinct pairs and one row per slot, 1 when any incident is a delay.</item>
/// </list>
/// Rows are ordered by day, then table row, then hour, then incident order.
/// </summary>
public static class GridBuilder
{
    /// <summary>Builds the grid of <paramref name="incidents"/> under <paramref name="config"/> (validated).</summary>
    public static ReshapeResult Build(IReadOnlyList<CleanIncident> incidents, PrepareConfig config)
    {
        var start = config.Start;
        var days = config.End.DayNumber - start.DayNumber + 1;
        var table = config.RouteDirections;
        var book = config.Mode == ReshapeMode.Book;
        IReadOnlyList<RouteDirection> pairs = book ? [.. table] : [.. table.Distinct()];

        var join = SlotJoin.Run(incidents, start, days, pairs, config.DelayThreshold);
        var grid = book ? SlotExpansion.Expand(join, start, days, pairs) : SlotExpansion.Collapse(join, start, days, pairs);

        var delays = grid.Label.Count(l => l == 1);
        var last = join.LastIncident;
        var stats = new ReshapeStats(
            config.Mode,
            (int)((long)days * table.Count * SlotJoin.HoursPerDay),
            grid.Rows,
            delays,
            grid.Rows - delays,
            table.Count - table.Distinct().Count(),
            pairs.Distinct().Where(p => !join.PositivePairs.Contains(p)).Select(p => p.ToString()).ToList(),
            join.IncidentsJoined,
            join.PairNotInTable,
            join.OutsideDates,
            last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            last is null ? days : Math.Clamp(config.End.DayNumber - last.Value.DayNumber, 0, days));
        return new ReshapeResult(grid, stats);
    }
}
