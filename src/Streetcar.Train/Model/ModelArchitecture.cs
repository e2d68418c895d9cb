using Streetcar.Core.Config;

namespace Streetcar.Train.Model;

/// <summary>
/// Everything needed to rebuild the model without training data (saved as <c>architecture.json</c>).
/// </summary>
/// <param name="Columns">Categorical input columns, in input order.</param>
/// <param name="Cardinalities">Number of codes of each column (embedding rows).</param>
/// <param name="EmbeddingDim">Width of every column's embedding (book: 10).</param>
/// <param name="HiddenLayers">Widths of the optional ReLU dense layers (book: none).</param>
/// <param name="Activation">Output activation (<c>architecture.json</c> holds its config text, e.g. <c>hard_sigmoid</c>).</param>
/// <param name="DropoutRate">Dropout after each column's batch norm.</param>
/// <param name="Form">Formulation whose state dict the weights file holds.</param>
public sealed record ModelArchitecture(
    IReadOnlyList<string> Columns,
    IReadOnlyList<int> Cardinalities,
    int EmbeddingDim,
    IReadOnlyList<int> HiddenLayers,
    Activation Activation,
    double DropoutRate,
    ModelForm Form)
{
    /// <summary>Keras BatchNormalization default epsilon.</summary>
    public const double BatchNormEpsilon = 1e-3;

    /// <summary>Keras momentum 0.99 keeps 99 % of the moving average: torch's momentum is the complement.</summary>
    public const double BatchNormTorchMomentum = 0.01;

    /// <summary>Keras <c>uniform</c> embedding initialiser bound.</summary>
    public const double EmbeddingInitBound = 0.05;

    /// <summary>Width of the concatenated embeddings (book: 7 × 10 = 70).</summary>
    public int ConcatWidth => Columns.Count * EmbeddingDim;

    /// <summary>The same architecture in the other formulation.</summary>
    public ModelArchitecture WithForm(ModelForm form) => this with { Form = form };
}
