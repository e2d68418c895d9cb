using Streetcar.Core.Randomness;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate.Tests.Metrics;

public sealed class ScoreCurvesTests
{
    // scikit-learn's documented example: roc_curve gives fpr [0, 0, .5, .5, 1], tpr [0, .5, .5, 1, 1].
    private static readonly byte[] Labels = [0, 0, 1, 1];
    private static readonly float[] Scores = [0.1f, 0.4f, 0.35f, 0.8f];

    [Fact]
    public void Roc_ScikitLearnExample_EveryPoint()
    {
        var roc = ScoreCurves.Compute(Labels, Scores).Roc;

        Assert.Equal([(0, 0), (0, 0.5), (0.5, 0.5), (0.5, 1), (1, 1)], roc.Select(p => (p.X, p.Y)));
        Assert.Equal([double.PositiveInfinity, 0.8f, 0.4f, 0.35f, 0.1f], roc.Select(p => p.Threshold));
    }

    [Fact]
    public void PrecisionRecall_ScikitLearnExample_EveryPoint()
    {
        var pr = ScoreCurves.Compute(Labels, Scores).PrecisionRecall;

        Assert.Equal([(0, 1), (0.5, 1), (0.5, 0.5), (1, 2.0 / 3), (1, 0.5)], pr.Select(p => (p.X, p.Y)));
    }

    [Fact]
    public void LargeSample_ThinnedToTheBound_MonotoneWithExactEndpoints()
    {
        var (labels, scores) = Sample(50_000);

        var curves = ScoreCurves.Compute(labels, scores, maxPoints: 200);

        Assert.InRange(curves.Roc.Count, 50, 200);
        Assert.InRange(curves.PrecisionRecall.Count, 50, 200);
        Assert.Equal((0.0, 0.0), (curves.Roc[0].X, curves.Roc[0].Y));
        Assert.Equal((1.0, 1.0), (curves.Roc[^1].X, curves.Roc[^1].Y));
        Assert.Equal((0.0, 1.0), (curves.PrecisionRecall[0].X, curves.PrecisionRecall[0].Y));
        Assert.Equal(1.0, curves.PrecisionRecall[^1].X);
        Assert.Equal((double)labels.Count(l => l == 1) / labels.Length, curves.PrecisionRecall[^1].Y, 12);
        Assert.Equal(scores.Min(), curves.Roc[^1].Threshold);
        foreach (var curve in new[] { curves.Roc, curves.PrecisionRecall })
        {
            for (var i = 1; i < curve.Count; i++)
            {
                Assert.True(curve[i].X >= curve[i - 1].X, $"x falls at point {i}");
                Assert.True(curve[i].Threshold < curve[i - 1].Threshold, $"threshold does not fall at point {i}");
            }
        }
        for (var i = 1; i < curves.Roc.Count; i++)
        {
            Assert.True(curves.Roc[i].Y >= curves.Roc[i - 1].Y, $"recall falls at ROC point {i}");
        }
    }

    [Fact]
    public void LargeSample_AreasFromThinnedPoints_MatchRankingMetrics()
    {
        var (labels, scores) = Sample(50_000);

        var curves = ScoreCurves.Compute(labels, scores);

        Assert.Equal(RankingMetrics.RocAuc(labels, scores), ScoreCurves.TrapezoidArea(curves.Roc), 3);
        Assert.Equal(RankingMetrics.AveragePrecision(labels, scores), ScoreCurves.StepArea(curves.PrecisionRecall), 2);
    }

    [Fact]
    public void FewDistinctScores_KeepsEveryPoint_AndAreasAreExact()
    {
        var (labels, scores) = Sample(5_000, distinct: 40);

        var curves = ScoreCurves.Compute(labels, scores);

        Assert.Equal(scores.Distinct().Count() + 1, curves.Roc.Count);
        Assert.Equal(RankingMetrics.RocAuc(labels, scores), ScoreCurves.TrapezoidArea(curves.Roc), 12);
        Assert.Equal(RankingMetrics.AveragePrecision(labels, scores), ScoreCurves.StepArea(curves.PrecisionRecall), 12);
    }

    [Fact]
    public void NoPositive_BothCurvesEmpty_NoNegative_OnlyRocEmpty()
    {
        var none = ScoreCurves.Compute([0, 0], [0.2f, 0.7f]);
        var all = ScoreCurves.Compute([1, 1], [0.2f, 0.7f]);

        Assert.Empty(none.Roc);
        Assert.Empty(none.PrecisionRecall);
        Assert.Empty(all.Roc);
        Assert.Equal([(0, 1), (0.5, 1), (1, 1)], all.PrecisionRecall.Select(p => (p.X, p.Y)));
    }

    [Fact]
    public void NaNScore_IsRejected() =>
        Assert.Throws<ArgumentException>(() => ScoreCurves.Compute([0, 1], [0.2f, float.NaN]));

    /// <summary>Seeded labels (about 5 % positive) and scores that rank positives higher, with noise.</summary>
    private static (byte[] Labels, float[] Scores) Sample(int rows, int? distinct = null)
    {
        var random = new SplitMix64(3);
        var labels = new byte[rows];
        var scores = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = (byte)(random.NextDouble() < 0.05 ? 1 : 0);
            var score = Math.Clamp((labels[i] * 0.25) + (random.NextDouble() * 0.75), 0, 1);
            scores[i] = (float)(distinct is { } d ? Math.Round(score * d) / d : score);
        }
        return (labels, scores);
    }
}
