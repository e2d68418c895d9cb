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
    private const int HoursPerDay = 24;

    /// <summary>Builds the grid of <paramref name="incidents"/> under <paramref name="config"/> (validated).</summary>
    public static ReshapeResult Build(IReadOnlyList<CleanIncident> incidents, PrepareConfig config)
    {
        var start = config.Start;
        var days = config.End.DayNumber - start.DayNumber + 1;
        var table = config.RouteDirections;
        var pairs = config.ReshapeMode == ReshapeMode.Book ? table.ToList() : table.Distinct().ToList();
        var pairSlots = new Dictionary<(string, string), List<int>>();
        for (var p = 0; p < pairs.Count; p++)
        {
            var key = (pairs[p].Route, pairs[p].Direction);
            if (!pairSlots.TryGetValue(key, out var list))
            {
                pairSlots[key] = list = [];
            }
            list.Add(p);
        }

        long slotCount = (long)days * pairs.Count * HoursPerDay;
        if (slotCount > Array.MaxLength / 2)
        {
            throw new Streetcar.Core.Errors.PipelineException($"grid of {slotCount} slots is too large");
        }
        var counts = new int[slotCount];
        var joined = new List<(int Slot, byte Label)>(incidents.Count);
        int outside = 0, notInTable = 0, incidentsJoined = 0;
        DateOnly? last = null;
        var positivePairs = new HashSet<(string, string)>();
        foreach (var incident in incidents)
        {
            last = last is null || incident.ReportDate > last ? incident.ReportDate : last;
            var day = incident.ReportDate.DayNumber - start.DayNumber;
            if (day < 0 || day >= days)
            {
                outside++;
                continue;
            }
            if (!pairSlots.TryGetValue((incident.Route, incident.Direction), out var slots))
            {
                notInTable++;
                continue;
            }
            incidentsJoined++;
            var label = (byte)(incident.MinDelay > config.DelayThreshold ? 1 : 0);
            if (label == 1)
            {
                positivePairs.Add((incident.Route, incident.Direction));
            }
            foreach (var p in slots)
            {
                var slot = (int)(((long)day * pairs.Count + p) * HoursPerDay + incident.Hour);
                counts[slot]++;
                joined.Add((slot, label));
            }
        }

        var grid = config.ReshapeMode == ReshapeMode.Book
            ? Expand(counts, joined, start, days, pairs)
            : Collapse(counts, joined, start, days, pairs);
        var delays = CountOnes(grid.Label);
        var neverPositive = pairs.Distinct()
            .Where(p => !positivePairs.Contains((p.Route, p.Direction)))
            .Select(p => p.ToString())
            .ToList();
        var daysAfterLast = last is null ? days : Math.Clamp(config.End.DayNumber - last.Value.DayNumber, 0, days);
        var stats = new ReshapeStats(
            config.Mode,
            (int)((long)days * table.Count * HoursPerDay),
            grid.Rows,
            delays,
            grid.Rows - delays,
            table.Count - table.Distinct().Count(),
            neverPositive,
            incidentsJoined,
            notInTable,
            outside,
            last?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            daysAfterLast);
        return new ReshapeResult(grid, stats);
    }

    // Book mode: a slot with k >= 1 incidents becomes k rows (one per incident, in incident order), else one 0 row.
    private static SlotGrid Expand(int[] counts, List<(int Slot, byte Label)> joined, DateOnly start, int days, List<RouteDirection> pairs)
    {
        var offsets = new int[counts.Length + 1];
        for (var s = 0; s < counts.Length; s++)
        {
            offsets[s + 1] = offsets[s] + Math.Max(1, counts[s]);
        }
        var rows = offsets[^1];
        var labels = new byte[rows];
        var fill = new int[counts.Length];
        foreach (var (slot, label) in joined)
        {
            labels[offsets[slot] + fill[slot]++] = label;
        }
        var dayIndex = new int[rows];
        var pairIndex = new byte[rows];
        var hour = new byte[rows];
        for (var s = 0; s < counts.Length; s++)
        {
            var (d, p, h) = Decompose(s, pairs.Count);
            for (var r = offsets[s]; r < offsets[s + 1]; r++)
            {
                dayIndex[r] = d;
                pairIndex[r] = (byte)p;
                hour[r] = (byte)h;
            }
        }
        return new SlotGrid(start, days, pairs, dayIndex, pairIndex, hour, labels);
    }

    // Slots mode: one row per slot, 1 when any of its incidents is a delay.
    private static SlotGrid Collapse(int[] counts, List<(int Slot, byte Label)> joined, DateOnly start, int days, List<RouteDirection> pairs)
    {
        var rows = counts.Length;
        var labels = new byte[rows];
        foreach (var (slot, label) in joined)
        {
            labels[slot] |= label;
        }
        var dayIndex = new int[rows];
        var pairIndex = new byte[rows];
        var hour = new byte[rows];
        for (var s = 0; s < rows; s++)
        {
            var (d, p, h) = Decompose(s, pairs.Count);
            dayIndex[s] = d;
            pairIndex[s] = (byte)p;
            hour[s] = (byte)h;
        }
        return new SlotGrid(start, days, pairs, dayIndex, pairIndex, hour, labels);
    }

    private static (int Day, int Pair, int Hour) Decompose(int slot, int pairCount)
    {
        var hour = slot % HoursPerDay;
        var dayPair = slot / HoursPerDay;
        return (dayPair / pairCount, dayPair % pairCount, hour);
    }

    private static int CountOnes(byte[] labels)
    {
        var ones = 0;
        foreach (var label in labels)
        {
            ones += label;
        }
        return ones;
    }
}
