using Streetcar.Core.Data;
using Streetcar.Core.Errors;

namespace Streetcar.Boosting;

/// <summary>What every path into a boosting model checks first: the split's columns are the encoders', and every
/// code is inside its encoder's range.</summary>
internal static class SplitCheck
{
    /// <summary>Throws a <see cref="PipelineException"/> naming the split, the row and the column when
    /// <paramref name="split"/> does not fit <paramref name="encoders"/>.</summary>
    public static void Validate(EncodedSplit split, IReadOnlyList<ColumnEncoder> encoders)
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
            if (column.Length != split.Rows)
            {
                throw new PipelineException($"split '{split.Name}': {encoders[c].Column} has {column.Length} codes for {split.Rows} rows");
            }
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
