using Streetcar.Core.Config;
using Streetcar.Train.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Training;

/// <summary>
/// Keras' binary cross-entropy as TensorFlow 2's Keras backend computes it (<c>keras.backend.binary_crossentropy</c>,
/// TF 2.0–2.3, the book's 2020 version):
/// <list type="bullet">
/// <item>on probabilities (hard_sigmoid): p clipped to [ε, 1 − ε], then −[t·log(p + ε) + (1 − t)·log(1 − p + ε)],
/// ε = 1e-7 (the ε inside the log as well as the clip; the gradient vanishes where the clip acts);</item>
/// <item>with a sigmoid output, the backend sees the graph's <c>Sigmoid</c> op and takes the loss from its input,
/// the logits: <c>sigmoid_cross_entropy_with_logits</c>, no clip, gradient σ(z) − t.</item>
/// </list>
/// Why it matters: −log(clip(p)) (torch's binary_cross_entropy of the clipped p) gives a saturated row 16.12 where
/// Keras gives 15.42, and about twice Keras' gradient near the clip.
/// </summary>
public static class KerasBinaryCrossEntropy
{
    /// <summary>Keras backend epsilon.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>ε as a float, as TF's float32 graph holds it.</summary>
    public const float EpsilonF = (float)Epsilon;

    /// <summary>1 − ε as a float (0.99999988).</summary>
    public const float ClipHigh = (float)(1.0 - Epsilon);

    /// <summary>
    /// Σ wᵢ·lᵢ of the batch whose last layer gave <paramref name="logits"/> (pre-activation z) and
    /// <paramref name="probabilities"/> (the activation of z); pass wᵢ / batch size to get Keras' batch loss
    /// sum(w·l) / batch size in one op.
    /// </summary>
    public static Tensor WeightedSum(Tensor logits, Tensor probabilities, Tensor labels, Tensor weights, Activation activation) =>
        activation == Activation.Sigmoid
            ? nn.functional.binary_cross_entropy_with_logits(logits, labels, weights, nn.Reduction.Sum)
            : OfProbabilities(probabilities, labels).mul(weights).sum();

    /// <summary><see cref="WeightedSum(Tensor, Tensor, Tensor, Tensor, Activation)"/> of <paramref name="model"/> on
    /// indexed <paramref name="inputs"/> (one forward pass).</summary>
    public static Tensor WeightedSum(StreetcarModel model, Tensor inputs, Tensor labels, Tensor weights)
    {
        var z = model.Logits(inputs);
        return WeightedSum(z, OutputActivation.Apply(model.Architecture.Activation, z), labels, weights, model.Architecture.Activation);
    }

    /// <summary>
    /// Unweighted loss of every row from the probabilities alone (validation: the model's output). For sigmoid the
    /// loss of the logits equals −log σ(z) (or −log(1 − σ(z))), which is what this computes, unclipped (torch floors
    /// the log at −100): it differs from the logits form only where σ(z) rounds to 0 or 1 in float.
    /// </summary>
    public static Tensor PerRow(Tensor probabilities, Tensor labels, Activation activation) =>
        activation == Activation.Sigmoid
            ? nn.functional.binary_cross_entropy(probabilities, labels, null, nn.Reduction.None)
            : OfProbabilities(probabilities, labels);

    /// <summary>One row's loss of probability <paramref name="p"/> for label <paramref name="t"/> (0 or 1, or soft), in
    /// float, as <see cref="PerRow"/> computes it; one log per row for a 0/1 label.</summary>
    public static float Row(float p, float t, Activation activation)
    {
        if (activation == Activation.Sigmoid)
        {
            return t switch
            {
                1f => -MathF.Max(MathF.Log(p), -100f),
                0f => -MathF.Max(MathF.Log(1 - p), -100f),
                _ => -((t * MathF.Max(MathF.Log(p), -100f)) + ((1 - t) * MathF.Max(MathF.Log(1 - p), -100f))),
            };
        }
        var c = Math.Clamp(p, EpsilonF, ClipHigh);
        return t switch
        {
            1f => -MathF.Log(c + EpsilonF),
            0f => -MathF.Log(1 - c + EpsilonF),
            _ => -((t * MathF.Log(c + EpsilonF)) + ((1 - t) * MathF.Log(1 - c + EpsilonF))),
        };
    }

    /// <summary>−[t·log(clip(p) + ε) + (1 − t)·log(1 − clip(p) + ε)] per row, in TF's order of operations.</summary>
    private static Tensor OfProbabilities(Tensor p, Tensor t)
    {
        var c = p.clamp(Epsilon, 1.0 - Epsilon);
        var positive = t.mul(c.add(Epsilon).log());
        var negative = t.neg().add_(1).mul_(c.neg().add_(1).add_(Epsilon).log_());
        return positive.add_(negative).neg_();
    }
}
