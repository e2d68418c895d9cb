using Microsoft.ML;
using Microsoft.ML.Data;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;

namespace Streetcar.Boosting;

/// <summary>
/// An <see cref="EncodedSplit"/> as an ML.NET data view: one key column per feature, typed with the encoder's
/// cardinality (so a value the training split lacks still has its slot), and a boolean label. Rows are made on
/// demand from the split's arrays, each time a cursor asks, so 2M rows cost no copy.
/// </summary>
internal static class SplitDataView
{
    /// <summary>Name of the label column.</summary>
    public const string Label = nameof(SplitRow.Label);

    /// <summary>The view of <paramref name="split"/>; its columns must be the encoders' columns, in order.</summary>
    public static IDataView Create(MLContext ml, EncodedSplit split, IReadOnlyList<ColumnEncoder> encoders)
    {
        Check(split, encoders);
        var codes = split.Codes;
        var labels = split.Labels;
        // ML.NET keys are 1-based (0 means missing): code c is key c + 1.
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
    public static DataViewSchema InputSchema(MLContext ml, IReadOnlyList<ColumnEncoder> encoders) =>
        ml.Data.LoadFromEnumerable(Array.Empty<SplitRow>(), Schema(encoders)).Schema;

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

    private static void Check(EncodedSplit split, IReadOnlyList<ColumnEncoder> encoders)
    {
        var expected = encoders.Select(e => e.Column).ToArray();
        if (encoders.Count != SplitRow.Features || !split.Columns.SequenceEqual(expected))
        {
            throw new PipelineException(
                $"split '{split.Name}' has columns [{string.Join(", ", split.Columns)}]; the boosting model needs [{string.Join(", ", FeatureColumns.All)}] with one encoder each (got [{string.Join(", ", expected)}])");
        }
        for (var c = 0; c < SplitRow.Features; c++)
        {
            var cardinality = encoders[c].Cardinality;
            var column = split.Codes[c];
            for (var r = 0; r < column.Length; r++)
            {
                if ((uint)column[r] >= (uint)cardinality)
                {
                    throw new PipelineException(
                        $"split '{split.Name}', row {r}: {encoders[c].Column} code {column[r]} is outside the encoder's 0 .. {cardinality - 1}");
                }
            }
        }
    }
}
