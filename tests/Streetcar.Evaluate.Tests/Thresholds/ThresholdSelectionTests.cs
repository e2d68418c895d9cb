using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Randomness;
using Streetcar.Evaluate.Metrics;
using Streetcar.Evaluate.Thresholds;

namespace Streetcar.Evaluate.Tests.Thresholds;

public sealed class ThresholdSelectionTests
{
    // Five rows, scores distinct, high to low: delay, none, delay, none, delay.
    private static readonly byte[] Labels = [1, 0, 1, 0, 1];
    private static readonly float[] Scores = [0.9f, 0.8f, 0.7f, 0.6f, 0.3f];

    [Fact]
    public void Fixed_ReturnsTheValue_AndItsValidationConfusion()
    {
        var chosen = ThresholdSelection.Choose(ThresholdRule.Fixed(0.65), Labels, Scores);

        Assert.Equal(0.65, chosen.Threshold);
        Assert.Equal(new ConfusionMatrix(1, 1, 1, 2), chosen.Validation);
    }

    [Fact]
    public void TargetRecall_PicksTheHighestThresholdReachingIt()
    {
        var chosen = ThresholdSelection.Choose(ThresholdRule.TargetRecall(0.6), Labels, Scores);

        Assert.Equal(0.7f, chosen.Threshold);
        Assert.Equal(2.0 / 3, chosen.Recall, 12);
        Assert.Equal(new ConfusionMatrix(1, 1, 1, 2), chosen.Validation);
    }

    [Fact]
    public void TargetRecallOne_PicksTheLowestPositiveScore()
    {
        var chosen = ThresholdSelection.Choose(ThresholdRule.TargetRecall(1), Labels, Scores);

        Assert.Equal(0.3f, chosen.Threshold);
        Assert.Equal((1.0, 1.0), (chosen.Recall, chosen.FalsePositiveRate));
    }

    [Fact]
    public void TargetRecall_Ties_PutEveryTiedRowOnTheSameSide()
    {
        // Three rows tie at 0.7 (one delay, two not): reaching recall 0.5 needs all three.
        byte[] labels = [1, 1, 0, 0, 1];
        float[] scores = [0.9f, 0.7f, 0.7f, 0.7f, 0.2f];

        var chosen = ThresholdSelection.Choose(ThresholdRule.TargetRecall(0.5), labels, scores);

        Assert.Equal(0.7f, chosen.Threshold);
        Assert.Equal(new ConfusionMatrix(0, 2, 1, 2), chosen.Validation);
        Assert.Equal(ConfusionMatrix.FromProbabilities(labels, scores, chosen.Threshold), chosen.Validation);
    }

    [Fact]
    public void TargetRecall_PositivesScoredZero_IsUnreachable_WithTheBestRecallInTheMessage()
    {
        // A hard-sigmoid model scores rows exactly 0; only a threshold of 0 (every row a delay) would catch them.
        byte[] labels = [1, 1, 0, 1];
        float[] scores = [0.8f, 0f, 0f, 0f];

        var e = Assert.Throws<PipelineException>(() => ThresholdSelection.Choose(ThresholdRule.TargetRecall(0.9), labels, scores));

        Assert.Equal(
            "threshold rule target_recall 0.9: cannot choose on validation: unreachable: the highest validation recall at a threshold above 0 is 0.3333 (1 of 3 delays; the rest are scored 0)",
            e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Theory]
    [InlineData(ThresholdChoice.TargetRecall)]
    [InlineData(ThresholdChoice.MaxF1)]
    [InlineData(ThresholdChoice.Youden)]
    public void NoPositives_IsAClearPipelineError(ThresholdChoice choice)
    {
        var rule = choice == ThresholdChoice.TargetRecall ? ThresholdRule.TargetRecall(0.8) : new ThresholdRule(choice);

        var e = Assert.Throws<PipelineException>(() => ThresholdSelection.Choose(rule, [0, 0, 0], [0.2f, 0.5f, 0.9f]));

        Assert.EndsWith("cannot choose on validation: the validation split has no delay (positive) row", e.Message);
    }

    [Fact]
    public void Youden_NoNegatives_IsAClearPipelineError() =>
        Assert.Contains("no non-delay (negative) row",
            Assert.Throws<PipelineException>(() => ThresholdSelection.Choose(ThresholdRule.Youden, [1, 1], [0.2f, 0.9f])).Message);

    [Fact]
    public void Fixed_NoPositives_IsNotAnError() =>
        Assert.Equal(new ConfusionMatrix(2, 1, 0, 0), ThresholdSelection.Choose(ThresholdRule.Fixed(0.5), [0, 0, 0], [0.2f, 0.5f, 0.4f]).Validation);

    [Fact]
    public void MaxF1_HandMadeCase()
    {
        // At 0.9: F1 = 2/(1+0+3) = 0.5; 0.8: 2/5 = 0.4; 0.7: 4/6 = 0.667; 0.6: 4/7 = 0.571; 0.3: 6/8 = 0.75.
        var chosen = ThresholdSelection.Choose(ThresholdRule.MaxF1, Labels, Scores);

        Assert.Equal(0.3f, chosen.Threshold);
        Assert.Equal(0.75, chosen.F1, 12);
    }

    [Fact]
    public void MaxF1_EqualF1_TakesTheHigherThreshold()
    {
        // At 0.9: TP 1, FP 0 → F1 = 2/(1+0+2) = 2/3. At 0.4: TP 2, FP 2 → F1 = 4/(2+2+2) = 2/3. A tie: keep 0.9.
        var chosen = ThresholdSelection.Choose(ThresholdRule.MaxF1, [1, 0, 0, 1], [0.9f, 0.5f, 0.5f, 0.4f]);

        Assert.Equal(0.9f, chosen.Threshold);
    }

    [Fact]
    public void Youden_HandMadeCase()
    {
        // J at 0.9: 1/3 − 0 = 0.333; 0.8: 1/3 − 1/2; 0.7: 2/3 − 1/2 = 0.167; 0.6: 2/3 − 1; 0.3: 1 − 1 = 0.
        var chosen = ThresholdSelection.Choose(ThresholdRule.Youden, Labels, Scores);

        Assert.Equal(0.9f, chosen.Threshold);
        Assert.Equal(1.0 / 3, chosen.YoudenJ, 12);
    }

    [Fact]
    public void Youden_EqualJ_TakesTheHigherThreshold()
    {
        // J at 0.9: 1/2 − 0 = 1/2; at 0.4: 1 − 1/2 = 1/2.
        var chosen = ThresholdSelection.Choose(ThresholdRule.Youden, [1, 0, 1, 0], [0.9f, 0.6f, 0.4f, 0.1f]);

        Assert.Equal(0.9f, chosen.Threshold);
    }

    [Fact]
    public void ScoreOutsideZeroOne_IsAPipelineError() =>
        Assert.Contains("row 1: score NaN is not a probability",
            Assert.Throws<PipelineException>(() => ThresholdSelection.Choose(ThresholdRule.MaxF1, [1, 0], [0.5f, float.NaN])).Message);

    [Theory]
    [InlineData(ThresholdChoice.TargetRecall)]
    [InlineData(ThresholdChoice.MaxF1)]
    [InlineData(ThresholdChoice.Youden)]
    public void RandomScores_ChosenThresholdMatchesBruteForce_AndItsRecordedConfusion(ThresholdChoice choice)
    {
        var random = new SplitMix64(7);
        var labels = Enumerable.Range(0, 400).Select(_ => (byte)(random.NextDouble() < 0.2 ? 1 : 0)).ToArray();
        // Scores rounded to 1/50 so that many rows tie.
        var scores = labels.Select(l => (float)(Math.Round(Math.Clamp((l * 0.3) + random.NextDouble() * 0.7, 0, 1) * 50) / 50)).ToArray();
        var rule = choice == ThresholdChoice.TargetRecall ? ThresholdRule.TargetRecall(0.8) : new ThresholdRule(choice);

        var chosen = ThresholdSelection.Choose(rule, labels, scores);

        Assert.Equal(ConfusionMatrix.FromProbabilities(labels, scores, chosen.Threshold), chosen.Validation);
        var brute = scores.Where(s => s > 0).Distinct().OrderByDescending(s => s)
            .Select(s => (Threshold: (double)s, Matrix: ConfusionMatrix.FromProbabilities(labels, scores, s)))
            .ToArray();
        var expected = choice switch
        {
            ThresholdChoice.TargetRecall => brute.First(b => b.Matrix.Recall >= 0.8).Threshold,
            ThresholdChoice.MaxF1 => brute.MaxBy(b => Math.Round(b.Matrix.F1, 12)).Threshold,
            _ => brute.MaxBy(b => Math.Round(b.Matrix.Recall - FalsePositiveRate(b.Matrix), 12)).Threshold,
        };
        Assert.Equal(expected, chosen.Threshold);
    }

    private static double FalsePositiveRate(ConfusionMatrix m) => (double)m.FalsePositives / (m.FalsePositives + m.TrueNegatives);
}
