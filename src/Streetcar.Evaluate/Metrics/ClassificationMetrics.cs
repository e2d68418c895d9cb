namespace Streetcar.Evaluate.Metrics;

/// <summary>Every metric the report shows for one set of labelled predictions.</summary>
public sealed record ClassificationMetrics(
    double Threshold,
    ConfusionMatrix Confusion,
    double Accuracy,
    double Recall,
    double Precision,
    double F1,
    double RocAuc,
    double PrAuc)
{
    /// <summary>Computes all metrics of <paramref name="probabilities"/> against <paramref name="labels"/>.</summary>
    public static ClassificationMetrics Compute(ReadOnlySpan<byte> labels, ReadOnlySpan<float> probabilities, double threshold)
    {
        var confusion = ConfusionMatrix.FromProbabilities(labels, probabilities, threshold);
        return new ClassificationMetrics(
            threshold,
            confusion,
            confusion.Accuracy,
            confusion.Recall,
            confusion.Precision,
            confusion.F1,
            RankingMetrics.RocAuc(labels, probabilities),
            RankingMetrics.AveragePrecision(labels, probabilities));
    }
}
