using Streetcar.Core.Config;

namespace Streetcar.Evaluate.Metrics;

/// <summary>
/// Class-weighted binary cross-entropy of probabilities, as TF 2's Keras computes the training loss (see
/// Streetcar.Train's KerasBinaryCrossEntropy): for hard_sigmoid, p clipped to [ε, 1 − ε] and
/// −[t·log(p + ε) + (1 − t)·log(1 − p + ε)]; for sigmoid, Keras reads the logits, whose loss is −log σ(z) or
/// −log(1 − σ(z)): the unclipped log of the probability (floored at −100 as torch does). Each row's loss times its
/// class weight, summed and divided by the row count (not by the weights' sum), so that it reads on the training
/// loss's scale.
/// </summary>
public static class WeightedLogLoss
{
    /// <summary>Keras backend epsilon (as Streetcar.Train's KerasBinaryCrossEntropy).</summary>
    public const double Epsilon = 1e-7;

    // Keras clips a float32 tensor: its bounds are ε and 1 − ε rounded to float (1 − 1e-7 becomes 0.99999988), so a
    // score of 1 for a non-delay costs −log(1.19e-7 + ε), as in training, not −log(2ε).
    private const double ClipLow = (float)Epsilon;
    private const double ClipHigh = (float)(1 - Epsilon);

    /// <summary>Σ wᵢ·lᵢ / n with wᵢ = <paramref name="zeroWeight"/> or <paramref name="oneWeight"/> by label;
    /// NaN when a score is NaN or there is no row.</summary>
    public static double Compute(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores, double zeroWeight, double oneWeight, Activation activation)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            double p = scores[i];
            double row;
            if (activation == Activation.Sigmoid)
            {
                row = -Math.Max(Math.Log(labels[i] == 1 ? p : 1 - p), -100);
            }
            else
            {
                p = Math.Clamp(p, ClipLow, ClipHigh);
                row = -Math.Log((labels[i] == 1 ? p : 1 - p) + Epsilon);
            }
            sum += (labels[i] == 1 ? oneWeight : zeroWeight) * row;
        }
        return labels.Length == 0 ? double.NaN : sum / labels.Length;
    }
}
