using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Train.Model;
using static TorchSharp.torch;

namespace Streetcar.Train.Training;

/// <summary>
/// A split as tensors, built once: model inputs [rows, columns] (int64, already mapped by
/// <see cref="StreetcarModel.IndexInput"/>), labels and per-row class weights as float [rows, 1].
/// </summary>
public sealed class TensorSplit : IDisposable
{
    private TensorSplit(Tensor inputs, Tensor labels, Tensor weights)
    {
        Inputs = inputs;
        Labels = labels;
        Weights = weights;
    }

    /// <summary>Model inputs, int64 [rows, columns].</summary>
    public Tensor Inputs { get; }

    /// <summary>0/1 labels, float32 [rows, 1].</summary>
    public Tensor Labels { get; }

    /// <summary>Class weight of each row, float32 [rows, 1].</summary>
    public Tensor Weights { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => (int)Labels.shape[0];

    /// <summary>Builds the tensors of <paramref name="split"/> for <paramref name="model"/>.</summary>
    public static TensorSplit From(EncodedSplit split, StreetcarModel model, ClassWeights weights)
    {
        using var codes = Codes(split, model.Architecture);
        var inputs = model.IndexInput(codes);
        using var labelBytes = tensor(split.Labels, new long[] { split.Rows, 1 });
        var labels = labelBytes.to_type(ScalarType.Float32);
        using var scaled = labels.mul(weights.One - weights.Zero);
        var rowWeights = scaled.add(weights.Zero);
        return new TensorSplit(inputs, labels, rowWeights);
    }

    /// <summary>Raw codes of <paramref name="split"/> as int64 [rows, columns], checked against the architecture.</summary>
    public static Tensor Codes(EncodedSplit split, ModelArchitecture architecture)
    {
        if (!split.Columns.SequenceEqual(architecture.Columns))
        {
            throw new DataException($"{split.Name}: columns [{string.Join(", ", split.Columns)}] do not match the model's [{string.Join(", ", architecture.Columns)}]");
        }
        var rows = split.Rows;
        var flat = new int[(long)rows * split.Columns.Count];
        for (var c = 0; c < split.Columns.Count; c++)
        {
            var column = split.Codes[c];
            var cardinality = architecture.Cardinalities[c];
            if (column.Length != rows)
            {
                throw new DataException($"{split.Name}: column {split.Columns[c]} has {column.Length} rows, labels have {rows}");
            }
            foreach (var code in column)
            {
                if ((uint)code >= (uint)cardinality)
                {
                    throw new DataException($"{split.Name}: {split.Columns[c]} code {code} outside 0..{cardinality - 1}");
                }
            }
            column.CopyTo(flat, (long)c * rows);
        }
        using var columnMajor = tensor(flat, new long[] { split.Columns.Count, rows });
        using var transposed = columnMajor.t();
        return transposed.to_type(ScalarType.Int64).contiguous();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
        Weights.Dispose();
    }
}
