using Streetcar.Core.Data;

namespace Streetcar.Boosting;

/// <summary>
/// Where a row's code lands in the model's feature vector: the one definition shared by the fit's feature view
/// (<see cref="FeatureVectorView"/>) and the managed scorer (<see cref="TreeScorer"/>), so both see the vector ML.NET
/// builds from <see cref="SplitDataView"/> (key columns, key-to-indicator, concatenation).
/// </summary>
/// <remarks>
/// Column <c>c</c> owns the slots <c>Offset(c) .. Offset(c) + cardinality - 1</c>. <see cref="SplitDataView"/> has
/// always written code + 1 into the rows it loads, and ML.NET's <c>LoadFromEnumerable</c> adds one more to a key
/// property (its values are 0-based), so code <c>k</c> reaches the indicator step as key <c>k + 2</c>: it lights
/// slot <c>k + 1</c>, and the column's highest code is out of the key range and lights none (an all-zero block,
/// which LightGBM reads as category 0). No two codes share a slot, so the trees lose nothing; the mapping is kept as
/// it is so that every model fitted so far scores exactly as before.
/// </remarks>
internal sealed class FeatureSlots
{
    private readonly int[] _offsets;
    private readonly int[] _cardinalities;

    public FeatureSlots(IReadOnlyList<ColumnEncoder> encoders)
    {
        _cardinalities = encoders.Select(e => e.Cardinality).ToArray();
        _offsets = new int[_cardinalities.Length];
        for (var c = 1; c < _offsets.Length; c++)
        {
            _offsets[c] = _offsets[c - 1] + _cardinalities[c - 1];
        }
        Width = _offsets.Length == 0 ? 0 : _offsets[^1] + _cardinalities[^1];
    }

    /// <summary>Length of the feature vector (the sum of the cardinalities).</summary>
    public int Width { get; }

    /// <summary>Number of feature columns.</summary>
    public int Columns => _offsets.Length;

    /// <summary>First slot of column <paramref name="column"/>.</summary>
    public int Offset(int column) => _offsets[column];

    /// <summary>Codes of column <paramref name="column"/>.</summary>
    public int Cardinality(int column) => _cardinalities[column];

    /// <summary>The slot code <paramref name="code"/> of column <paramref name="column"/> sets to 1, or -1 for none.</summary>
    public int Slot(int column, int code) => code + 1 < _cardinalities[column] ? _offsets[column] + code + 1 : -1;

    /// <summary>The column owning <paramref name="slot"/>.</summary>
    public int ColumnOf(int slot)
    {
        for (var c = _offsets.Length - 1; c >= 0; c--)
        {
            if (slot >= _offsets[c])
            {
                return slot < Width ? c : throw new ArgumentOutOfRangeException(nameof(slot), slot, $"the feature vector has {Width} slots");
            }
        }
        throw new ArgumentOutOfRangeException(nameof(slot), slot, "negative slot");
    }

    /// <summary>Per column, the (first, last) slot pair ML.NET's categorical slot ranges annotation lists.</summary>
    public int[] CategoricalRanges()
    {
        var ranges = new int[2 * _offsets.Length];
        for (var c = 0; c < _offsets.Length; c++)
        {
            ranges[2 * c] = _offsets[c];
            ranges[(2 * c) + 1] = _offsets[c] + _cardinalities[c] - 1;
        }
        return ranges;
    }
}
