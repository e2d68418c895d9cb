using Microsoft.ML;
using Microsoft.ML.Data;
using Streetcar.Core.Data;

namespace Streetcar.Boosting;

/// <summary>
/// An <see cref="EncodedSplit"/> as the ML.NET data view a saved boosting pipeline reads: one key column per
/// feature, typed with the encoder's cardinality, and a boolean label. Rows are made on demand from the split's
/// arrays, each time a cursor asks. Only ML.NET's own prediction path (<see cref="BoostedModel.PredictWithMlNet"/>,
/// the reference the managed scorer is tested against) and the saved schema use it; the fit reads
/// <see cref="FeatureVectorView"/> and predictions come from <see cref="TreeScorer"/>.
/// </summary>
internal static class SplitDataView
{
    /// <summary>Name of the label column.</summary>
    public const string Label = nameof(SplitRow.Label);

    /// <summary>The view of <paramref name="split"/>; its columns must be the encoders' columns, in order.</summary>
    public static IDataView Create(MLContext ml, EncodedSplit split, IReadOnlyList<ColumnEncoder> encoders)
    {
        SplitCheck.Validate(split, encoders);
        var codes = split.Codes;
        var labels = split.Labels;
        // Code c is written as c + 1, which LoadFromEnumerable reads as key c + 2 (it takes the property as 0-based):
        // see FeatureSlots for the slots this gives and why it stays.
        var rows = Enumerable.Range(0, split.Rows).Select(r => new SplitRow
        {
            C0 = (uint)codes[0][r] + 1,
            C1 = (uint)codes[1][r] + 1,
            C2 = (uint)codes[2][r] + 1,
            C3 = (uint)codes[3][r] + 1,
            C4 = (uint)codes[4][r] + 1,
            C5 = (uint)codes[5][r] + 1,
            C6 = (uint)codes[6][r] + 1,
            Label = labels[r] == 1,
        });
        return ml.Data.LoadFromEnumerable(rows, Schema(encoders));
    }

    /// <summary>The schema of a view of <paramref name="encoders"/>' columns (what a saved model expects).</summary>
    public static DataViewSchema InputSchema(MLContext ml, IReadOnlyList<ColumnEncoder> encoders) => Empty(ml, encoders).Schema;

    /// <summary>A view of no rows with the columns of <paramref name="encoders"/>.</summary>
    public static IDataView Empty(MLContext ml, IReadOnlyList<ColumnEncoder> encoders) =>
        ml.Data.LoadFromEnumerable(Array.Empty<SplitRow>(), Schema(encoders));

    /// <summary>The schema of the view: feature columns named as the encoders' columns, as key types.</summary>
    public static SchemaDefinition Schema(IReadOnlyList<ColumnEncoder> encoders)
    {
        var schema = SchemaDefinition.Create(typeof(SplitRow));
        for (var c = 0; c < SplitRow.Features; c++)
        {
            var column = schema[$"C{c}"];
            column.ColumnName = encoders[c].Column;
            column.ColumnType = new KeyDataViewType(typeof(uint), encoders[c].Cardinality);
        }
        return schema;
    }
}
