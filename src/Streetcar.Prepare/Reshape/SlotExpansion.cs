using Streetcar.Prepare.Config;

namespace Streetcar.Prepare.Reshape;

/// <summary>Turns a <see cref="SlotJoin"/> into the rows of a <see cref="SlotGrid"/>, in slot order.</summary>
internal static class SlotExpansion
{
    /// <summary>Book mode: a slot with k ≥ 1 incidents becomes k rows (one per incident, in incident order), else one 0 row.</summary>
    public static SlotGrid Expand(SlotJoin join, DateOnly start, int days, IReadOnlyList<RouteDirection> pairs)
    {
        var counts = join.Counts;
        var offsets = new int[counts.Length + 1];
        for (var s = 0; s < counts.Length; s++)
        {
            offsets[s + 1] = offsets[s] + Math.Max(1, counts[s]);
        }
        var rows = offsets[^1];
        var labels = new byte[rows];
        var filled = new int[counts.Length];
        foreach (var (slot, label) in join.Joined)
        {
            labels[offsets[slot] + filled[slot]++] = label;
        }
        var grid = Allocate(start, days, pairs, labels);
        for (var s = 0; s < counts.Length; s++)
        {
            for (var r = offsets[s]; r < offsets[s + 1]; r++)
            {
                SetSlot(grid, r, s, pairs.Count);
            }
        }
        return grid;
    }

    /// <summary>Slots mode: one row per slot, 1 when any of its incidents is a delay.</summary>
    public static SlotGrid Collapse(SlotJoin join, DateOnly start, int days, IReadOnlyList<RouteDirection> pairs)
    {
        var labels = new byte[join.Counts.Length];
        foreach (var (slot, label) in join.Joined)
        {
            labels[slot] |= label;
        }
        var grid = Allocate(start, days, pairs, labels);
        for (var s = 0; s < labels.Length; s++)
        {
            SetSlot(grid, s, s, pairs.Count);
        }
        return grid;
    }

    private static SlotGrid Allocate(DateOnly start, int days, IReadOnlyList<RouteDirection> pairs, byte[] labels) =>
        new(start, days, pairs, new int[labels.Length], new byte[labels.Length], new byte[labels.Length], labels);

    private static void SetSlot(SlotGrid grid, int row, int slot, int pairCount)
    {
        var dayPair = slot / SlotJoin.HoursPerDay;
        grid.DayIndex[row] = dayPair / pairCount;
        grid.PairIndex[row] = (byte)(dayPair % pairCount);
        grid.Hour[row] = (byte)(slot % SlotJoin.HoursPerDay);
    }
}
