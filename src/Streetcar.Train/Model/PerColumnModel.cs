using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>
/// The book's layout: per column embedding → batch norm (Keras momentum/epsilon) → dropout, then the
/// concatenation goes through <see cref="DenseHead"/>.
/// </summary>
public sealed class PerColumnModel : StreetcarModel
{
    // Module fields are named as the state-dict keys RegisterComponents derives from them.
    private readonly ModuleList<Embedding> embeddings = new();
    private readonly ModuleList<KerasBatchNorm> norms = new();
    private readonly SeededDropout dropout;
    private readonly DenseHead head;

    /// <summary>Builds the per-column model with fresh weights.</summary>
    public PerColumnModel(ModelArchitecture architecture) : base(nameof(PerColumnModel), architecture)
    {
        foreach (var cardinality in architecture.Cardinalities)
        {
            var embedding = nn.Embedding(cardinality, architecture.EmbeddingDim);
            using (no_grad())
            {
                nn.init.uniform_(embedding.weight, -ModelArchitecture.EmbeddingInitBound, ModelArchitecture.EmbeddingInitBound);
            }
            embeddings.Add(embedding);
            norms.Add(new KerasBatchNorm(architecture.EmbeddingDim));
        }
        dropout = new SeededDropout(architecture.DropoutRate, DropoutSeed);
        head = new DenseHead(architecture);
        RegisterComponents();
    }

    /// <summary>The embedding of column <paramref name="column"/>.</summary>
    public Embedding EmbeddingOf(int column) => embeddings[column];

    /// <summary>The batch norm of column <paramref name="column"/>.</summary>
    public KerasBatchNorm NormOf(int column) => norms[column];

    /// <summary>The dropout after the batch norm.</summary>
    public override SeededDropout Dropout => dropout;

    /// <summary>The dense head.</summary>
    public DenseHead Head => head;

    /// <inheritdoc/>
    public override Tensor IndexInput(Tensor codes) => codes.to_type(ScalarType.Int64).contiguous();

    /// <inheritdoc/>
    public override Tensor Logits(Tensor input)
    {
        var parts = new Tensor[embeddings.Count];
        for (var c = 0; c < parts.Length; c++)
        {
            parts[c] = norms[c].forward(embeddings[c].forward(input.select(1, c)));
        }
        // Dropout acts element by element, so dropout of each column then concatenation is dropout of the
        // concatenation: one draw sequence, the same as the fused form's.
        return head.Logits(dropout.forward(cat(parts, 1)));
    }
}
