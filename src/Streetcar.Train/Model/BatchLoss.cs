using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Streetcar.Train.Training;

namespace Streetcar.Train.Model;

/// <summary>
/// The output activation, Keras' cross-entropy (<see cref="KerasBinaryCrossEntropy"/>) and its gradient for a batch
/// of outputs, eight rows per <see cref="Vector256{T}"/>: what <see cref="FusedTrainingStep"/> computes per row after
/// the last layer. Why: one row at a time it was a log, two divisions and their dependency chain per row, about a
/// third of the book model's step.
/// </summary>
/// <remarks>
/// hard_sigmoid: the probability path, p clipped to [ε, 1 − ε], −log(p + ε) or −log(1 − p + ε), gradient zero where
/// the clip (or the hard sigmoid) acts. sigmoid: the logits path, max(z, 0) − z·t + log(1 + e^−|z|), gradient σ(z) − t.
/// The same operations in the same order as the per-row formula, except the log (and the sigmoid's exp), which
/// are <see cref="Vector256.Log(Vector256{float})"/> and <see cref="Vector256.Exp(Vector256{float})"/>: within
/// an ulp or so of <see cref="MathF.Log(float)"/>, and as fixed-width managed code the same bits on every run.
/// The loss is summed in double row by row, in row order.
/// </remarks>
internal static class BatchLoss
{
    private const int Lanes = 8;
    private const float HardSigmoidSlope = 0.2f;

    /// <summary>
    /// Σ w·l over the rows of <paramref name="outputs"/> (the last layer's z; NaN when one
    /// is NaN) and the rows whose prediction is on the label's side of 0.5; ∂(Σ w·l / n)/∂z into
    /// <paramref name="gradient"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double WeightedLoss, int Correct) Compute(ReadOnlySpan<float> outputs, ReadOnlySpan<float> labels,
        ReadOnlySpan<float> weights, bool hardSigmoid, Span<float> gradient)
    {
        var n = labels.Length;
        var rows = Vector256.Create((float)n);
        var loss = 0.0;
        var correct = 0;
        Span<float> tail = stackalloc float[3 * Lanes];
        Span<float> rowLoss = stackalloc float[Lanes];
        for (var r = 0; r < n; r += Lanes)
        {
            var count = Math.Min(Lanes, n - r);
            Vector256<float> z, t, w;
            if (count == Lanes)
            {
                z = Vector256.Create(outputs.Slice(r, Lanes));
                t = Vector256.Create(labels.Slice(r, Lanes));
                w = Vector256.Create(weights.Slice(r, Lanes));
            }
            else
            {
                // The last rows padded with z = 0, t = 0, w = 0; only the real lanes are kept below.
                tail.Clear();
                outputs.Slice(r, count).CopyTo(tail);
                labels.Slice(r, count).CopyTo(tail[Lanes..]);
                weights.Slice(r, count).CopyTo(tail[(2 * Lanes)..]);
                z = Vector256.Create(tail[..Lanes]);
                t = Vector256.Create(tail.Slice(Lanes, Lanes));
                w = Vector256.Create(tail.Slice(2 * Lanes, Lanes));
            }
            if (!Vector256.EqualsAll(z, z))
            {
                return (double.NaN, correct);
            }
            var (p, g, l) = hardSigmoid ? Probabilities(z, t) : Logits(z, t);
            g = w / rows * g;
            l.CopyTo(rowLoss);
            var right = ~(Vector256.GreaterThan(p, Vector256.Create(0.5f)) ^ Vector256.GreaterThan(t, Vector256.Create(0.5f)));
            correct += BitOperations.PopCount(right.ExtractMostSignificantBits() & ((1u << count) - 1));
            if (count == Lanes)
            {
                g.CopyTo(gradient.Slice(r, Lanes));
            }
            else
            {
                g.CopyTo(tail);
                tail[..count].CopyTo(gradient.Slice(r, count));
            }
            for (var lane = 0; lane < count; lane++)
            {
                loss += weights[r + lane] * (double)rowLoss[lane];
            }
        }
        return (loss, correct);
    }

    /// <summary>hard_sigmoid: p, ∂l/∂z and l of the clipped probability (Keras' probability path).</summary>
    private static (Vector256<float> P, Vector256<float> Gradient, Vector256<float> Loss) Probabilities(Vector256<float> z, Vector256<float> t)
    {
        var one = Vector256<float>.One;
        var epsilon = Vector256.Create(KerasBinaryCrossEntropy.EpsilonF);
        var high = Vector256.Create(KerasBinaryCrossEntropy.ClipHigh);
        var u = (z * HardSigmoidSlope) + Vector256.Create(0.5f);
        var inside = Vector256.GreaterThanOrEqual(u, Vector256<float>.Zero) & Vector256.LessThanOrEqual(u, one);
        var p = Vector256.Min(Vector256.Max(u, Vector256<float>.Zero), one);
        var c = Vector256.Min(Vector256.Max(p, epsilon), high);
        // Gradient flows where neither the hard sigmoid nor the clip acted (both pass at their bounds, as TF's and torch's clamps).
        var passes = inside & Vector256.GreaterThanOrEqual(p, epsilon) & Vector256.LessThanOrEqual(p, high);
        var up = c + epsilon;
        var down = one - c + epsilon;
        var dc = ((one - t) / down) - (t / up);
        var g = Vector256.ConditionalSelect(passes, dc * HardSigmoidSlope, Vector256<float>.Zero);
        return (p, g, CrossEntropy(up, down, t));
    }

    /// <summary>sigmoid: p, ∂l/∂z and l from the logits (Keras' path for a Sigmoid output op), no clip.</summary>
    private static (Vector256<float> P, Vector256<float> Gradient, Vector256<float> Loss) Logits(Vector256<float> z, Vector256<float> t)
    {
        var one = Vector256<float>.One;
        var p = one / (one + Vector256.Exp(-z));
        var l = Vector256.Max(z, Vector256<float>.Zero) - (z * t) + Vector256.Log(one + Vector256.Exp(-Vector256.Abs(z)));
        return (p, p - t, l);
    }

    /// <summary>−[t·log(up) + (1 − t)·log(down)]; one log per row for 0/1 labels.</summary>
    private static Vector256<float> CrossEntropy(Vector256<float> up, Vector256<float> down, Vector256<float> t)
    {
        var one = Vector256.Equals(t, Vector256<float>.One);
        var zero = Vector256.Equals(t, Vector256<float>.Zero);
        if ((one | zero).ExtractMostSignificantBits() == (1u << Lanes) - 1)
        {
            return -Vector256.Log(Vector256.ConditionalSelect(one, up, down));
        }
        return -((t * Vector256.Log(up)) + ((Vector256<float>.One - t) * Vector256.Log(down)));
    }
}
