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
    public void RocAuc_OneClassOnly_IsNaN() =>
        Assert.True(double.IsNaN(RankingMetrics.RocAuc([0, 0], [0.1f, 0.2f])));
}
