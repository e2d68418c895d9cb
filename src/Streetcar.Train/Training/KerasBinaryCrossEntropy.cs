using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Training;

/// <summary>
/// Keras' binary cross-entropy on probabilities: predictions clipped to [1e-7, 1 − 1e-7] first (so the
/// gradient vanishes where hard_sigmoid saturates, as in Keras).
/// </summary>
public static class KerasBinaryCrossEntropy
{
    /// <summary>Keras backend epsilon.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>
    /// Σ wᵢ·lᵢ for per-row weights <paramref name="weights"/>; pass wᵢ / batch size to get Keras' batch loss
    /// sum(w·l) / batch size in one op.
    /// </summary>
    public static Tensor WeightedSum(Tensor probabilities, Tensor labels, Tensor weights) =>
        nn.functional.binary_cross_entropy(Clip(probabilities), labels, weights, nn.Reduction.Sum);

    /// <summary>Unweighted loss of every row.</summary>
    public static Tensor PerRow(Tensor probabilities, Tensor labels) =>
        nn.functional.binary_cross_entropy(Clip(probabilities), labels, null, nn.Reduction.None);

    private static Tensor Clip(Tensor p) => p.clamp(Epsilon, 1.0 - Epsilon);
}
