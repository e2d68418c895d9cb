using System.Numerics;
using Streetcar.Core.Data;

namespace Streetcar.Prepare.Encode;

/// <summary>
/// The rows of an encoded grid packed into one <see cref="ulong"/> each (every column's code in as many bits as its
/// largest code needs, then the label). Gathering shuffled rows from one packed array costs one cache miss per row
/// instead of one per column, which is most of the split's time on a ~3M-row grid.
/// </summary>
internal sealed class PackedRows
{
    private readonly ulong[] _rows;
    private readonly int[] _shifts;
    private readonly int[] _widths;

    private PackedRows(ulong[] rows, int[] shifts, int[] widths) => (_rows, _shifts, _widths) = (rows, shifts, widths);

    /// <summary>Packs <paramref name="grid"/>, or returns null when its codes need more than 64 bits per row.</summary>
    public static PackedRows? TryPack(EncodedSplit grid)
    {
        var columns = grid.Codes.Length;
        var widths = new int[columns + 1];
        var shifts = new int[columns + 1];
        var total = 0;
        for (var c = 0; c <= columns; c++)
        {
            var bits = 0u;
            if (c < columns)
            {
                foreach (var code in grid.Codes[c])
                {
                    bits |= (uint)code; // a negative code sets the top bit, which makes the row too wide
                }
            }
            else
            {
                foreach (var label in grid.Labels)
                {
                    bits |= label;
                }
            }
            widths[c] = 32 - BitOperations.LeadingZeroCount(bits);
            shifts[c] = total;
            total += widths[c];
        }
        if (total > 64)
        {
            return null;
        }
        var rows = new ulong[grid.Rows];
        for (var c = 0; c < columns; c++)
        {
            var codes = grid.Codes[c];
            var shift = shifts[c];
            for (var r = 0; r < rows.Length; r++)
            {
                rows[r] |= (ulong)(uint)codes[r] << shift;
            }
        }
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] |= (ulong)grid.Labels[r] << shifts[columns];
        }
        return new PackedRows(rows, shifts, widths);
    }

    /// <summary>The rows <paramref name="order"/> as a split named <paramref name="name"/>.</summary>
    public EncodedSplit Take(string name, IReadOnlyList<string> columns, ArraySegment<int> order)
    {
        var gathered = new ulong[order.Count];
        for (var i = 0; i < gathered.Length; i++)
        {
            gathered[i] = _rows[order[i]];
        }
        var codes = new int[columns.Count][];
        var labels = new byte[gathered.Length];
        Parallel.For(0, columns.Count + 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            var shift = _shifts[c];
            var mask = (1UL << _widths[c]) - 1;
            if (c == columns.Count)
            {
                for (var i = 0; i < gathered.Length; i++)
                {
                    labels[i] = (byte)((gathered[i] >> shift) & mask);
                }
                return;
            }
            var target = codes[c] = new int[gathered.Length];
            for (var i = 0; i < gathered.Length; i++)
            {
                target[i] = (int)((gathered[i] >> shift) & mask);
            }
        });
        return new EncodedSplit(name, columns, codes, labels);
    }
}
