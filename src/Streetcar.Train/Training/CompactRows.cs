namespace Streetcar.Train.Training;

/// <summary>
/// A split's rows, one 64-bit word each: up to seven model inputs of a byte (the book's fused model indexes 99
/// embedding rows) and in the top byte the index of the row's (label, weight) pair. The per-epoch shuffle reads
/// one random row per training row; at 8 bytes a row the 1.9M rows are 15 MB rather than 68 MB of 36-byte rows,
/// so far fewer of those reads miss the caches and the TLB.
/// </summary>
internal sealed class CompactRows
{
    private const int MaxColumns = 7;
    private const int MaxClasses = 256;

    private readonly ulong[] _rows;
    private readonly float[] _labels;
    private readonly float[] _weights;

    private CompactRows(ulong[] rows, float[] labels, float[] weights)
    {
        _rows = rows;
        _labels = labels;
        _weights = weights;
    }

    /// <summary>The packed rows, or null when a split does not fit (more columns, an input of 256 or more, or over 256 (label, weight) pairs).</summary>
    public static CompactRows? TryPack(ReadOnlySpan<long> inputs, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights, int columns)
    {
        if (columns > MaxColumns)
        {
            return null;
        }
        var rows = new ulong[labels.Length];
        var classes = new Dictionary<(int Label, int Weight), int>();
        var classLabels = new List<float>();
        var classWeights = new List<float>();
        for (var r = 0; r < rows.Length; r++)
        {
            var word = 0UL;
            for (var c = 0; c < columns; c++)
            {
                var input = inputs[(r * columns) + c];
                if ((ulong)input > byte.MaxValue)
                {
                    return null;
                }
                word |= (ulong)input << (8 * c);
            }
            // By bits, so that the copy gives back exactly the floats stored (a NaN or −0 included).
            var key = (BitConverter.SingleToInt32Bits(labels[r]), BitConverter.SingleToInt32Bits(weights[r]));
            if (!classes.TryGetValue(key, out var index))
            {
                if (classes.Count == MaxClasses)
                {
                    return null;
                }
                index = classes.Count;
                classes.Add(key, index);
                classLabels.Add(labels[r]);
                classWeights.Add(weights[r]);
            }
            rows[r] = word | ((ulong)index << 56);
        }
        return new CompactRows(rows, [.. classLabels], [.. classWeights]);
    }

    /// <summary>Inputs, labels and weights of the rows <paramref name="order"/>, one after the other.</summary>
    public void CopyInOrder(ReadOnlySpan<int> order, int columns, Span<int> inputs, Span<float> labels, Span<float> weights)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var word = _rows[order[i]];
            for (var c = 0; c < columns; c++)
            {
                inputs[(i * columns) + c] = (int)((word >> (8 * c)) & 0xFF);
            }
            var index = (int)(word >> 56);
            labels[i] = _labels[index];
            weights[i] = _weights[index];
        }
    }
}
