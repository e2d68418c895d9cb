using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Streetcar.Train.Training;

namespace Streetcar.Train.Model;

/// <summary>
/// The output activation, Keras' clipped cross-entropy and its gradient for a batch of outputs, eight rows per
/// <see cref="Vector256{T}"/>: what <see cref="FusedTrainingStep"/> computes per row after the last layer.
/// Why: one row at a time it was a log, two divisions and their dependency chain per row, about a third of
/// the book model's step.
/// </summary>
/// <remarks>
/// The same operations in the same order as the per-row formula, except the log (and the sigmoid's exp), which
/// are <see cref="Vector256.Log(Vector256{float})"/> and <see cref="Vector256.Exp(Vector256{float})"/>: within
/// an ulp or so of <see cref="MathF.Log(float)"/>, and as fixed-width managed code the same bits on every run.
/// The loss is summed in double row by row, in row order.
/// </remarks>
internal static class BatchLoss
{
    private const int Lanes = 8;
    private const float HardSigmoidSlope = 0.2f;

    // Torch converts the double clip bounds to float; so does this (1 - 1e-7 becomes 0.99999988).
    private const float ClipLow = (float)KerasBinaryCrossEntropy.Epsilon;
    private const float ClipHigh = (float)(1.0 - KerasBinaryCrossEntropy.Epsilon);

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
            var (p, slope) = Activate(z, hardSigmoid);
            var clipped = Vector256.Min(Vector256.Max(p, Vector256.Create(ClipLow)), Vector256.Create(ClipHigh));
            // torch's binary_cross_entropy gradient, (p − t) / max(p·(1 − p), 1e-12), zero where the clip acted.
            var passes = Vector256.GreaterThanOrEqual(p, Vector256.Create(ClipLow)) & Vector256.LessThanOrEqual(p, Vector256.Create(ClipHigh));
            var g = w / rows * (clipped - t) / Vector256.Max((Vector256<float>.One - clipped) * clipped, Vector256.Create(1e-12f)) * slope;
            g = Vector256.ConditionalSelect(passes, g, Vector256<float>.Zero);
            CrossEntropy(clipped, t).CopyTo(rowLoss);
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

    /// <summary>Output activation and its derivative (0 where hard_sigmoid is clipped).</summary>
    private static (Vector256<float> P, Vector256<float> Slope) Activate(Vector256<float> z, bool hardSigmoid)
    {
        if (hardSigmoid)
        {
            var u = (z * HardSigmoidSlope) + Vector256.Create(0.5f);
            var inside = Vector256.GreaterThanOrEqual(u, Vector256<float>.Zero) & Vector256.LessThanOrEqual(u, Vector256<float>.One);
            return (Vector256.Min(Vector256.Max(u, Vector256<float>.Zero), Vector256<float>.One),
                Vector256.ConditionalSelect(inside, Vector256.Create(HardSigmoidSlope), Vector256<float>.Zero));
        }
        var s = Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-z));
        return (s, s * (Vector256<float>.One - s));
    }

    /// <summary>torch's binary_cross_entropy of eight rows, logs floored at −100; one log per row for 0/1 labels.</summary>
    private static Vector256<float> CrossEntropy(Vector256<float> p, Vector256<float> t)
    {
        var floor = Vector256.Create(-100f);
        var one = Vector256.Equals(t, Vector256<float>.One);
        var zero = Vector256.Equals(t, Vector256<float>.Zero);
        var q = Vector256<float>.One - p;
        if ((one | zero).ExtractMostSignificantBits() == (1u << Lanes) - 1)
        {
            return -Vector256.Max(Vector256.Log(Vector256.ConditionalSelect(one, p, q)), floor);
        }
        return -((t * Vector256.Max(Vector256.Log(p), floor)) + ((Vector256<float>.One - t) * Vector256.Max(Vector256.Log(q), floor)));
    }
}
