namespace Streetcar.Evaluate.Calibration;

/// <summary>
/// A map from the model's raw score (what thresholds apply to) to a calibrated probability of a delay, fitted on
/// the validation split. Stored in metrics.json so that <c>score</c> applies it without refitting.
/// </summary>
/// <param name="Method"><see cref="Prior"/>, <see cref="Platt"/> or <see cref="Isotonic"/>.</param>
/// <param name="Parameters">prior: [odds factor k], p = k·o / (1 + k·o) with o = s / (1 − s);
/// platt: [a, b], p = σ(a·logit(clip(s)) + b); isotonic: empty.</param>
/// <param name="KnotScores">isotonic: the lowest raw score of each block, ascending; else empty.</param>
/// <param name="KnotProbabilities">isotonic: each block's probability (non-decreasing); else empty.</param>
public sealed record Calibrator(string Method, IReadOnlyList<double> Parameters, IReadOnlyList<double> KnotScores, IReadOnlyList<double> KnotProbabilities)
{
    /// <summary>Prior correction: undoes the training class weights' shift of the odds (k = w₀ / w₁).</summary>
    public const string Prior = "prior";

    /// <summary>Platt scaling: a logistic regression on the raw score's logit.</summary>
    public const string Platt = "platt";

    /// <summary>Isotonic regression (pool adjacent violators): a non-decreasing step function.</summary>
    public const string Isotonic = "isotonic";

    /// <summary>Scores are clipped to [ε, 1 − ε] before a logit (hard_sigmoid scores 0 and 1 exactly).</summary>
    public const double Epsilon = 1e-7;

    /// <summary>The calibrated probability of raw score <paramref name="score"/>.</summary>
    public double Apply(double score)
    {
        switch (Method)
        {
            case Prior:
                if (score >= 1)
                {
                    return 1;
                }
                var odds = Parameters[0] * Math.Max(score, 0) / (1 - score);
                return odds / (1 + odds);
            case Platt:
                var s = Math.Clamp(score, Epsilon, 1 - Epsilon);
                var z = (Parameters[0] * Math.Log(s / (1 - s))) + Parameters[1];
                return 1 / (1 + Math.Exp(-z));
            case Isotonic when KnotScores.Count == 0:
                return double.NaN; // fitted on no rows
            case Isotonic:
                // The block whose lowest score is the largest one ≤ score; below the first knot, the first block.
                var index = 0;
                var lo = 0;
                var hi = KnotScores.Count - 1;
                while (lo <= hi)
                {
                    var mid = (lo + hi) / 2;
                    if (KnotScores[mid] <= score)
                    {
                        index = mid;
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid - 1;
                    }
                }
                return KnotProbabilities[index];
            default:
                throw new InvalidOperationException($"unknown calibration method '{Method}'");
        }
    }

    /// <summary><see cref="Apply(double)"/> of every score.</summary>
    public double[] Apply(ReadOnlySpan<float> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = Apply(scores[i]);
        }
        return result;
    }
}
