namespace Streetcar.Evaluate.Metrics;

/// <summary>Counts of a binary classifier's outcomes at one threshold; class 1 is "delay".</summary>
public sealed record ConfusionMatrix(long TrueNegatives, long FalsePositives, long FalseNegatives, long TruePositives)
{
    public long Total => TrueNegatives + FalsePositives + FalseNegatives + TruePositives;

    public double Accuracy => Ratio(TrueNegatives + TruePositives, Total);

    /// <summary>TP / (TP + FN): the share of real delays the model catches (0 when there are none).</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>TP / (TP + FP) (0 when the model never predicts a delay).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts the outcomes of predicting 1 where <c>probability ≥ threshold</c>.</summary>
    public static ConfusionMatrix FromProbabilities(ReadOnlySpan<byte> labels, ReadOnlySpan<float> probabilities, double threshold)
    {
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {probabilities.Length} probabilities");
        }
        long tn = 0, fp = 0, fn = 0, tp = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var predicted = probabilities[i] >= threshold;
            if (labels[i] == 1)
            {
                if (predicted)
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }
        return new ConfusionMatrix(tn, fp, fn, tp);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
