using Streetcar.Core.Errors;

namespace Streetcar.Core.Data;

/// <summary>
/// Label encoder of one categorical column: code i stands for <c>Values[i]</c>, the values in ordinal
/// string order (as scikit-learn's LabelEncoder, which the book uses).
/// </summary>
public sealed record ColumnEncoder(string Column, IReadOnlyList<string> Values)
{
    /// <summary>Number of distinct values (the embedding's input size).</summary>
    public int Cardinality => Values.Count;

    /// <summary>Builds the encoder of the distinct <paramref name="values"/>.</summary>
    public static ColumnEncoder Fit(string column, IEnumerable<string> values) =>
        new(column, values.Distinct().Order(StringComparer.Ordinal).ToArray());

    /// <summary>The code of <paramref name="value"/>, or -1 when the encoder never saw it.</summary>
    public int TryEncode(string value)
    {
        var index = BinarySearch(value);
        return index >= 0 ? index : -1;
    }

    /// <summary>The code of <paramref name="value"/>; an unseen value is an error that lists the valid ones.</summary>
    public int Encode(string value)
    {
        var code = TryEncode(value);
        return code >= 0
            ? code
            : throw new PipelineException($"unknown {Column} '{value}'; valid values: {string.Join(", ", Values)}");
    }

    private int BinarySearch(string value)
    {
        int lo = 0, hi = Values.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = string.CompareOrdinal(Values[mid], value);
            if (cmp == 0)
            {
                return mid;
            }
            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
