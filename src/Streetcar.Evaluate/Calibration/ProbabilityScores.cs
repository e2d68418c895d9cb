namespace Streetcar.Evaluate.Calibration;

/// <summary>Proper scores of probabilities against 0/1 labels (unweighted: they judge a probability, not training).</summary>
public static class ProbabilityScores
{
    /// <summary>Probabilities are clipped to [ε, 1 − ε] before the log, so a confident miss costs a finite amount.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Mean of (p − y)²; NaN without rows.</summary>
    public static double Brier(ReadOnlySpan<byte> labels, ReadOnlySpan<double> probabilities)
    {
        Check(labels, probabilities);
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var d = probabilities[i] - labels[i];
            sum += d * d;
        }
        return labels.Length == 0 ? double.NaN : sum / labels.Length;
    }

    /// <summary>Mean of −[y·log p + (1 − y)·log(1 − p)]; NaN without rows.</summary>
    public static double LogLoss(ReadOnlySpan<byte> labels, ReadOnlySpan<double> probabilities)
    {
        Check(labels, probabilities);
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }
        return labels.Length == 0 ? double.NaN : sum / labels.Length;
    }

    private static void Check(ReadOnlySpan<byte> labels, ReadOnlySpan<double> probabilities)
    {
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {probabilities.Length} probabilities");
        }
    }
}
