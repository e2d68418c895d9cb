using System.Runtime.InteropServices;
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
    private int[]? _packed;
    private CompactRows? _compact;
    private bool _packTried;
    private (int[] Inputs, float[] Labels, float[] Weights)? _ordered;
    private (int[] Inputs, float[] Labels)? _inPlace;

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

    /// <summary>
    /// Inputs (int32, row-major), labels and weights of the rows <paramref name="order"/>, copied one after the
    /// other into managed buffers the split reuses (valid until the next call).
    /// </summary>
    public (int[] Inputs, float[] Labels, float[] Weights) InOrder(ReadOnlySpan<int> order)
    {
        var columns = (int)Inputs.shape[1];
        if (_ordered is null || _ordered.Value.Labels.Length != order.Length)
        {
            _ordered = (new int[order.Length * columns], new float[order.Length], new float[order.Length]);
        }
        var (inputs, labels, weights) = _ordered.Value;
        CopyInOrder(order, inputs, labels, weights);
        return _ordered.Value;
    }

    /// <summary>
    /// Inputs (int32, row-major), labels and weights of the rows <paramref name="order"/> into the caller's
    /// buffers: a managed training step copies each batch just before its step, so the batch is still in cache
    /// when the step reads it (a shuffled copy of the whole split is ~70 MB written and read back per epoch).
    /// </summary>
    public void CopyInOrder(ReadOnlySpan<int> order, Span<int> inputs, Span<float> labels, Span<float> weights)
    {
        var columns = (int)Inputs.shape[1];
        var stride = columns + 2;
        if (!_packTried)
        {
            _packTried = true;
            _compact = CompactRows.TryPack(MemoryMarshal.Cast<byte, long>(Inputs.bytes), MemoryMarshal.Cast<byte, float>(Labels.bytes),
                MemoryMarshal.Cast<byte, float>(Weights.bytes), columns);
        }
        if (inputs.Length < order.Length * columns || labels.Length < order.Length || weights.Length < order.Length)
        {
            throw new ArgumentException($"buffers too small for {order.Length} rows", nameof(inputs));
        }
        if (_compact is not null)
        {
            _compact.CopyInOrder(order, columns, inputs, labels, weights);
            return;
        }
        var packed = _packed ??= Pack(columns);
        for (var i = 0; i < order.Length; i++)
        {
            var from = order[i] * stride;
            // A loop rather than Span.CopyTo: for 7 values the call costs more than the copy.
            for (var c = 0; c < columns; c++)
            {
                inputs[(i * columns) + c] = packed[from + c];
            }
            labels[i] = BitConverter.Int32BitsToSingle(packed[from + columns]);
            weights[i] = BitConverter.Int32BitsToSingle(packed[from + columns + 1]);
        }
    }

    /// <summary>
    /// The inputs (int32, row-major) and labels in the split's own order, copied out once and kept: what a managed
    /// validation pass reads every epoch.
    /// </summary>
    public (int[] Inputs, float[] Labels) InPlace()
    {
        if (_inPlace is { } kept)
        {
            return kept;
        }
        var inputs = MemoryMarshal.Cast<byte, long>(Inputs.bytes);
        var copy = new int[inputs.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = checked((int)inputs[i]);
        }
        _inPlace = (copy, MemoryMarshal.Cast<byte, float>(Labels.bytes).ToArray());
        return _inPlace.Value;
    }

    /// <summary>
    /// Each row's inputs, label bits and weight bits side by side: a random row is one or two cache lines
    /// rather than three scattered ones (the per-epoch shuffle is bound by those misses).
    /// </summary>
    private int[] Pack(int columns)
    {
        // Read in place (Inputs is contiguous CPU memory): a managed copy would be another 100 MB per training split.
        var inputs = MemoryMarshal.Cast<byte, long>(Inputs.bytes);
        var labels = MemoryMarshal.Cast<byte, float>(Labels.bytes);
        var weights = MemoryMarshal.Cast<byte, float>(Weights.bytes);
        var stride = columns + 2;
        var packed = new int[labels.Length * stride];
        for (var r = 0; r < labels.Length; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                packed[(r * stride) + c] = checked((int)inputs[(r * columns) + c]);
            }
            packed[(r * stride) + columns] = BitConverter.SingleToInt32Bits(labels[r]);
            packed[(r * stride) + columns + 1] = BitConverter.SingleToInt32Bits(weights[r]);
        }
        return packed;
    }

    /// <summary>Builds the tensors of <paramref name="split"/> for <paramref name="model"/>.</summary>
    public static TensorSplit From(EncodedSplit split, StreetcarModel model, ClassWeights weights)
    {
        // The intermediates (int32 codes, their transpose, the int64 copies) are hundreds of megabytes of native
        // memory for the real training split: disposed here, not left to the finalizer, which the GC runs too
        // rarely to notice them (jobs side by side then held gigabytes).
        using var scope = NewDisposeScope();
        var codes = Codes(split, model.Architecture);
        var inputs = model.IndexInput(codes);
        var labels = tensor(split.Labels, new long[] { split.Rows, 1 }).to_type(ScalarType.Float32);
        var rowWeights = labels.mul(weights.One - weights.Zero).add(weights.Zero);
        return new TensorSplit(inputs.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), rowWeights.MoveToOuterDisposeScope());
    }


    /// <summary>
    /// Fails unless <paramref name="split"/> has the architecture's columns, in its order, each as long as the labels
    /// (the code ranges are checked as <see cref="Codes"/> copies them).
    /// </summary>
    public static void CheckShape(EncodedSplit split, ModelArchitecture architecture)
    {
        if (!split.Columns.SequenceEqual(architecture.Columns))
        {
            throw new DataException($"{split.Name}: columns [{string.Join(", ", split.Columns)}] do not match the model's [{string.Join(", ", architecture.Columns)}]");
        }
        for (var c = 0; c < split.Columns.Count; c++)
        {
            if (split.Codes[c].Length != split.Rows)
            {
                throw new DataException($"{split.Name}: column {split.Columns[c]} has {split.Codes[c].Length} rows, labels have {split.Rows}");
            }
        }
    }

    /// <summary>Raw codes of <paramref name="split"/> as int64 [rows, columns], checked against the architecture.</summary>
    public static Tensor Codes(EncodedSplit split, ModelArchitecture architecture)
    {
        CheckShape(split, architecture);
        var rows = split.Rows;
        var flat = new int[(long)rows * split.Columns.Count];
        for (var c = 0; c < split.Columns.Count; c++)
        {
            var column = split.Codes[c];
            var cardinality = architecture.Cardinalities[c];
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
        // Each intermediate is freed as soon as the next exists: for the training split they are 50-100 MB each.
        using var wide = transposed.to_type(ScalarType.Int64);
        return wide.contiguous();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
        Weights.Dispose();
    }
}
