namespace Streetcar.Evaluate.Metrics;

/// <summary>
/// Class-weighted binary cross-entropy of probabilities, as Keras computes the training loss: predictions
/// clipped to [1e-7, 1 − 1e-7], each row's loss times its class weight, summed and divided by the row count
/// (not by the weights' sum), so that it reads on the training loss's scale.
/// </summary>
public static class WeightedLogLoss
{
    /// <summary>Keras backend epsilon (as Streetcar.Train's KerasBinaryCrossEntropy).</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Σ wᵢ·lᵢ / n with wᵢ = <paramref name="zeroWeight"/> or <paramref name="oneWeight"/> by label;
    /// NaN when a score is NaN or there is no row.</summary>
    public static double Compute(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores, double zeroWeight, double oneWeight)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var p = Math.Clamp((double)scores[i], Epsilon, 1 - Epsilon);
            sum += labels[i] == 1 ? -oneWeight * Math.Log(p) : -zeroWeight * Math.Log(1 - p);
        }
        return labels.Length == 0 ? double.NaN : sum / labels.Length;
    }
}
