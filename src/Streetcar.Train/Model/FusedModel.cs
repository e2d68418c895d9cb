using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>
/// The same function as <see cref="PerColumnModel"/> in fewer ops: the column embeddings stacked in one table
/// (column c's rows start at <c>offset[c]</c>), one batch norm over the 70 concatenated features (batch norm
/// is per feature, so this equals seven norms of 10), one dropout.
/// </summary>
public sealed class FusedModel : StreetcarModel
{
    // Module fields are named as the state-dict keys RegisterComponents derives from them.
    private readonly Embedding embedding;
    private readonly KerasBatchNorm norm;
    private readonly SeededDropout dropout;
    private readonly DenseHead head;
    private readonly long[] _offsets;

    /// <summary>Builds the fused model with fresh weights.</summary>
    public FusedModel(ModelArchitecture architecture) : base(nameof(FusedModel), architecture)
    {
        _offsets = new long[architecture.Cardinalities.Count];
        for (var c = 1; c < _offsets.Length; c++)
        {
            _offsets[c] = _offsets[c - 1] + architecture.Cardinalities[c - 1];
        }
        var rows = architecture.Cardinalities.Sum(x => (long)x);
        embedding = nn.Embedding(rows, architecture.EmbeddingDim);
        using (no_grad())
        {
            nn.init.uniform_(embedding.weight, -ModelArchitecture.EmbeddingInitBound, ModelArchitecture.EmbeddingInitBound);
        }
        norm = new KerasBatchNorm(architecture.ConcatWidth);
        dropout = new SeededDropout(architecture.DropoutRate, DropoutSeed);
        head = new DenseHead(architecture);
        RegisterComponents();
    }

    /// <summary>First row of each column in the shared table.</summary>
    public IReadOnlyList<long> Offsets => _offsets;

    /// <summary>The shared embedding table.</summary>
    public Embedding Embedding => embedding;

    /// <summary>The batch norm over all concatenated features.</summary>
    public KerasBatchNorm Norm => norm;

    /// <summary>The dropout after the batch norm.</summary>
    public override SeededDropout Dropout => dropout;

    /// <summary>The dense head.</summary>
    public DenseHead Head => head;

    /// <inheritdoc/>
    public override Tensor IndexInput(Tensor codes)
    {
        using var offsets = tensor(_offsets, ScalarType.Int64);
        using var row = offsets.unsqueeze(0);
        if (codes.dtype == ScalarType.Int64)
        {
            // contiguous: a fresh result of the full shape; alpha a process-lifetime Scalar (see TorchScalars)
            return codes.add(row, TorchScalars.IntegerOne);
        }
        using var wide = codes.to_type(ScalarType.Int64);
        return wide.add(row, TorchScalars.IntegerOne);
    }

    /// <inheritdoc/>
    public override Tensor Logits(Tensor input)
    {
        // index_select rather than embedding: same lookup, but its backward is a plain index_add_, several
        // times faster on CPU than embedding's sort-based backward for 7000 indices per batch.
        var x = embedding.weight!.index_select(0, input.view(-1)).view(input.shape[0], Architecture.ConcatWidth);
        return head.Logits(dropout.forward(norm.forward(x)));
    }
}
