using Microsoft.ML;
using Microsoft.ML.Data;
using Streetcar.Core.Data;

namespace Streetcar.Boosting;

/// <summary>
/// The training split as LightGBM's trainer reads it: a sparse <c>Features</c> vector (one 1 per column, at the
/// slot <see cref="FeatureSlots"/> gives, with the categorical slot ranges the indicator columns would carry) and
/// a boolean <c>Label</c>, both read straight from the split's arrays by the cursor. It replaces
/// <see cref="SplitDataView"/> followed by key-to-indicator and concatenation for the fit: ML.NET's trainer passes
/// over its input three times, and through that chain each pass built a row object per row and seven indicator
/// vectors (about 2 s of processor time a pass on the real split, against 0.15 s here). The vectors are the same,
/// so LightGBM sees the same data and fits the same trees.
/// </summary>
internal sealed class FeatureVectorView : IDataView
{
    /// <summary>Name of the feature vector column.</summary>
    public const string Features = "Features";

    /// <summary>ML.NET's annotation kind telling LightGBM which slot ranges form one categorical feature.</summary>
    private const string CategoricalSlotRanges = "CategoricalSlotRanges";

    private readonly int[][] _codes;
    private readonly byte[] _labels;
    private readonly FeatureSlots _slots;

    public FeatureVectorView(EncodedSplit split, IReadOnlyList<ColumnEncoder> encoders)
    {
        SplitCheck.Validate(split, encoders);
        _codes = split.Codes;
        _labels = split.Labels;
        _slots = new FeatureSlots(encoders);
        var ranges = _slots.CategoricalRanges();
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(CategoricalSlotRanges, new VectorDataViewType(NumberDataViewType.Int32, ranges.Length),
            (ref VBuffer<int> value) => new VBuffer<int>(ranges.Length, ranges).CopyTo(ref value));
        var schema = new DataViewSchema.Builder();
        schema.AddColumn(Features, new VectorDataViewType(NumberDataViewType.Single, _slots.Width), annotations.ToAnnotations());
        schema.AddColumn(SplitDataView.Label, BooleanDataViewType.Instance);
        Schema = schema.ToSchema();
    }

    /// <inheritdoc/>
    public bool CanShuffle => false;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => _labels.Length;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this, columnsNeeded);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>Rows in order; the getters read the current row from the view's arrays.</summary>
    private sealed class Cursor : DataViewRowCursor
    {
        private readonly FeatureVectorView _view;
        private readonly bool[] _active;
        private long _position = -1;

        public Cursor(FeatureVectorView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _view = view;
            _active = new bool[view.Schema.Count];
            foreach (var column in columnsNeeded)
            {
                _active[column.Index] = true;
            }
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._labels.Length)
            {
                _position = _view._labels.Length;
                return false;
            }
            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Name == Features ? (ValueGetter<VBuffer<float>>)GetFeatures : (ValueGetter<bool>)GetLabel;
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"column '{column.Name}' is not of type {typeof(TValue).Name}");
        }

        private void GetLabel(ref bool value) => value = _view._labels[_position] == 1;

        private void GetFeatures(ref VBuffer<float> value)
        {
            var row = (int)_position;
            var slots = _view._slots;
            var count = 0;
            for (var c = 0; c < slots.Columns; c++)
            {
                if (slots.Slot(c, _view._codes[c][row]) >= 0)
                {
                    count++;
                }
            }
            var editor = VBufferEditor.Create(ref value, slots.Width, count, requireIndicesOnDense: false, keepOldOnResize: false);
            var i = 0;
            // Columns in order give increasing slots, as a sparse VBuffer requires.
            for (var c = 0; c < slots.Columns; c++)
            {
                var slot = slots.Slot(c, _view._codes[c][row]);
                if (slot >= 0)
                {
                    editor.Indices[i] = slot;
                    editor.Values[i] = 1f;
                    i++;
                }
            }
            value = editor.Commit();
        }
    }
}
