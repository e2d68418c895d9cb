using System.Globalization;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Evaluate.Metrics;
using Candidate = Streetcar.Evaluate.Metrics.ScoreSweep.Step;

namespace Streetcar.Evaluate.Thresholds;

/// <summary>
/// Applies a <see cref="ThresholdRule"/> to a validation split's labels and P(delay) scores. Pure.
/// <para>
/// The candidates are the distinct validation scores above 0: at threshold s every row scored ≥ s is predicted
/// a delay, so tied rows always fall on the same side. A threshold of 0 is never chosen: it would call every row
/// a delay (and a hard-sigmoid model scores many rows exactly 0). Among candidates that do equally well, the
/// highest threshold wins (fewest rows predicted a delay). Comparisons of F1 and J are exact, on counts.
/// </para>
/// </summary>
public static class ThresholdSelection
{
    /// <summary>The threshold <paramref name="rule"/> picks on (<paramref name="labels"/>, <paramref name="scores"/>).</summary>
    /// <exception cref="PipelineException">A score is not a probability, or the rule cannot be met on these labels:
    /// no delay (or, for Youden, no non-delay) in the split, or a target recall no threshold above 0 reaches.</exception>
    public static ChosenThreshold Choose(ThresholdRule rule, ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores)
    {
        if (rule.Problems() is [var (_, problem), ..])
        {
            throw new ArgumentException($"invalid threshold rule {rule}: {problem}", nameof(rule));
        }
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }
        if (rule.Choice == ThresholdChoice.Fixed)
        {
            var threshold = rule.Value!.Value;
            return new ChosenThreshold(rule, threshold, ConfusionMatrix.FromProbabilities(labels, scores, threshold));
        }

        var candidates = Candidates(labels, scores, out var positives, out var negatives);
        if (positives == 0)
        {
            throw Fail(rule, "the validation split has no delay (positive) row");
        }
        if (rule.Choice == ThresholdChoice.Youden && negatives == 0)
        {
            throw Fail(rule, "the validation split has no non-delay (negative) row");
        }
        if (candidates.Count == 0)
        {
            throw Fail(rule, "every validation score is 0; only a threshold of 0 (every row a delay) separates nothing");
        }

        var best = rule.Choice switch
        {
            ThresholdChoice.TargetRecall => FirstReaching(candidates, positives, rule.Value!.Value) ?? throw Fail(rule,
                string.Create(CultureInfo.InvariantCulture,
                    $"unreachable: the highest validation recall at a threshold above 0 is {(double)candidates[^1].TruePositives / positives:F4} ({candidates[^1].TruePositives} of {positives} delays; the rest are scored 0)")),
            // F1 = 2TP / (TP + FP + P): compare a's and b's by cross-multiplying.
            ThresholdChoice.MaxF1 => Best(candidates, (a, b) => (a.TruePositives * (b.TruePositives + b.FalsePositives + positives))
                .CompareTo(b.TruePositives * (a.TruePositives + a.FalsePositives + positives))),
            // J = TP/P − FP/N, times P·N.
            ThresholdChoice.Youden => Best(candidates, (a, b) => ((a.TruePositives * negatives) - (a.FalsePositives * positives))
                .CompareTo((b.TruePositives * negatives) - (b.FalsePositives * positives))),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Choice, "not a rule chosen on validation"),
        };
        var confusion = new ConfusionMatrix(negatives - best.FalsePositives, best.FalsePositives, positives - best.TruePositives, best.TruePositives);
        return new ChosenThreshold(rule, best.Score, confusion);
    }

    /// <summary>One candidate per distinct score above 0, from the highest score down.</summary>
    private static List<Candidate> Candidates(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores, out long positives, out long negatives)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1))
            {
                throw new PipelineException(string.Create(CultureInfo.InvariantCulture, $"validation row {i}: score {scores[i]} is not a probability in [0, 1]"));
            }
        }
        var sweep = ScoreSweep.Run(labels, scores);
        positives = sweep.Positives;
        negatives = sweep.Negatives;
        return sweep.Steps.Where(s => s.Score > 0).ToList();
    }

    /// <summary>The highest threshold whose recall is at least <paramref name="target"/>, or null.</summary>
    private static Candidate? FirstReaching(List<Candidate> candidates, long positives, double target)
    {
        foreach (var c in candidates)
        {
            if ((double)c.TruePositives / positives >= target)
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>The candidate <paramref name="compare"/> ranks highest; the first (highest threshold) on ties.</summary>
    private static Candidate Best(List<Candidate> candidates, Comparison<Candidate> compare)
    {
        var best = candidates[0];
        foreach (var c in candidates)
        {
            if (compare(c, best) > 0)
            {
                best = c;
            }
        }
        return best;
    }

    private static PipelineException Fail(ThresholdRule rule, string why) => new($"threshold rule {rule}: cannot choose on validation: {why}");
}
