using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate.Tests.Metrics;

public sealed class RankingMetricsTests
{
    // scikit-learn's documented example: roc_auc_score and average_precision_score of these are 0.75 and 0.8333.
    private static readonly byte[] Labels = [0, 0, 1, 1];
    private static readonly float[] Scores = [0.1f, 0.4f, 0.35f, 0.8f];

    [Fact]
    public void RocAuc_ScikitLearnExample_Is075() =>
        Assert.Equal(0.75, RankingMetrics.RocAuc(Labels, Scores), 12);

    [Fact]
    public void AveragePrecision_ScikitLearnExample_Is08333() =>
        Assert.Equal(5.0 / 6.0, RankingMetrics.AveragePrecision(Labels, Scores), 12);

    [Fact]
    public void RocAuc_AllScoresTied_IsOneHalf() =>
        Assert.Equal(0.5, RankingMetrics.RocAuc([0, 1, 0, 1, 1], [0.3f, 0.3f, 0.3f, 0.3f, 0.3f]), 12);

    [Fact]
    public void AveragePrecision_AllScoresTied_IsThePositiveRate() =>
        Assert.Equal(0.6, RankingMetrics.AveragePrecision([0, 1, 0, 1, 1], [0.3f, 0.3f, 0.3f, 0.3f, 0.3f]), 12);

    [Fact]
    public void RocAuc_PerfectRanking_IsOne_AndReversedIsZero()
    {
        Assert.Equal(1.0, RankingMetrics.RocAuc([0, 0, 1], [0.1f, 0.2f, 0.9f]), 12);
        Assert.Equal(0.0, RankingMetrics.RocAuc([1, 0, 0], [0.1f, 0.2f, 0.9f]), 12);
    }

    [Fact]
    public void RocAuc_ManyTies_EqualsThePairCount()
    {
        // Mann–Whitney by definition: the share of (positive, negative) pairs ranked right, ties counting half.
        var random = new Random(11);
        var labels = new byte[3000];
        var scores = new float[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)(random.NextDouble() < 0.1 ? 1 : 0);
            scores[i] = MathF.Round((float)random.NextDouble() * 40f) / 40f + (labels[i] * 0.05f);
        }
        double right = 0, positives = 0, negatives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            positives += labels[i];
            negatives += 1 - labels[i];
            for (var j = 0; j < labels.Length; j++)
            {
                if (labels[i] == 1 && labels[j] == 0)
                {
                    right += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        Assert.Equal(right / (positives * negatives), RankingMetrics.RocAuc(labels, scores));
    }

    [Fact]
    public void RocAuc_OneClassOnly_IsNaN() =>
        Assert.True(double.IsNaN(RankingMetrics.RocAuc([0, 0], [0.1f, 0.2f])));
}
