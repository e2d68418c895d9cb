using Streetcar.Core.Config;
using Streetcar.Core.Randomness;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Choices;

public sealed class RowBootstrapTests
{
    [Fact]
    public void Metric_UnitWeights_AreRankingMetricsFigures_TiesIncluded()
    {
        var (labels, a, _) = Sample(5_000, 3);
        // Rounded to two decimals: many ties, as a model with few score values has.
        var tied = a.Select(s => MathF.Round(s, 2)).ToArray();
        var unit = Enumerable.Repeat((byte)1, labels.Length).ToArray();

        foreach (var scores in new[] { a, tied })
        {
            var model = new RowBootstrap.Model(scores, 0.5);
            var sorted = RowBootstrap.Sorted.Of(scores);
            Assert.Equal(RankingMetrics.AveragePrecision(labels, scores), RowBootstrap.Metric(PrimaryMetric.PrAuc, labels, model, sorted, unit), 12);
            Assert.Equal(RankingMetrics.RocAuc(labels, scores), RowBootstrap.Metric(PrimaryMetric.RocAuc, labels, model, sorted, unit), 12);
            Assert.Equal(ConfusionMatrix.FromProbabilities(labels, scores, 0.5).F1, RowBootstrap.Metric(PrimaryMetric.F1, labels, model, sorted, unit), 12);
        }
    }

    [Fact]
    public void Gap_IsTheDifferenceOfTheTestFigures_WithAnIntervalAroundIt_Reproducibly()
    {
        var (labels, a, b) = Sample(20_000, 5);

        var gap = RowBootstrap.Gap("gbm", "exp7", PrimaryMetric.PrAuc, labels, new(a, 0.5), new(b, 0.5), resamples: 200);
        var again = RowBootstrap.Gap("gbm", "exp7", PrimaryMetric.PrAuc, labels, new(a, 0.5), new(b, 0.5), resamples: 200);

        Assert.Equal(gap, again);
        Assert.Equal(RankingMetrics.AveragePrecision(labels, a) - RankingMetrics.AveragePrecision(labels, b), gap.Difference, 12);
        Assert.True(gap.Interval.Contains(gap.Difference));
        Assert.True(gap.StandardError > 0);
        Assert.Equal(20_000, gap.Rows);
    }

    [Fact]
    public void Gap_ModelsThatAgreeOnEveryRow_HaveAZeroGapAndAZeroWidthInterval()
    {
        var (labels, a, _) = Sample(2_000, 9);

        var gap = RowBootstrap.Gap("x", "y", PrimaryMetric.RocAuc, labels, new(a, 0.5), new(a, 0.5), resamples: 50);

        Assert.Equal(0, gap.Difference);
        Assert.Equal((0.0, 0.0), (gap.Interval.Lower, gap.Interval.Upper));
    }

    [Fact]
    public void Gap_DifferentRowCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => RowBootstrap.Gap("x", "y", PrimaryMetric.PrAuc, [0, 1], new([0.1f, 0.2f], 0.5), new([0.1f], 0.5)));
    }

    /// <summary>5 % positives; model a separates them better than model b.</summary>
    private static (byte[] Labels, float[] A, float[] B) Sample(int n, ulong seed)
    {
        var random = new SplitMix64(seed);
        var labels = new byte[n];
        var a = new float[n];
        var b = new float[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = (byte)(random.NextDouble() < 0.05 ? 1 : 0);
            a[i] = (float)Math.Clamp((labels[i] * 0.3) + random.NextDouble() * 0.7, 0, 1);
            b[i] = (float)Math.Clamp((labels[i] * 0.2) + random.NextDouble() * 0.8, 0, 1);
        }
        return (labels, a, b);
    }
}
