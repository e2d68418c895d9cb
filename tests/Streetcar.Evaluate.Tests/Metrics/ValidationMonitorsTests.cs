using Streetcar.Core.Config;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate.Tests.Metrics;

public sealed class ValidationMonitorsTests
{
    private static readonly byte[] Labels = [0, 0, 1, 1];
    private static readonly float[] Scores = [0.1f, 0.4f, 0.35f, 0.8f];

    [Fact]
    public void Aucs_AreRankingMetrics()
    {
        Assert.Equal(0.75, ValidationMonitors.Value(ValidationMonitors.RocAuc, Labels, Scores), 12);
        Assert.Equal(5.0 / 6.0, ValidationMonitors.Value(ValidationMonitors.PrAuc, Labels, Scores), 12);
    }

    [Fact]
    public void WeightedLoss_HandComputed()
    {
        // Rows: −2·ln(0.9 + ε), −2·ln(0.6 + ε), −5·ln(0.35 + ε), −5·ln(0.8 + ε); mean over 4 rows.
        const double E = 1e-7;
        var expected = ((-2 * Math.Log(1 - 0.1f + E)) + (-2 * Math.Log(1 - 0.4f + E)) + (-5 * Math.Log(0.35f + E)) + (-5 * Math.Log(0.8f + E))) / 4;

        Assert.Equal(expected, ValidationMonitors.Value(ValidationMonitors.WeightedLoss, Labels, Scores, zeroWeight: 2, oneWeight: 5), 6);
    }

    [Fact]
    public void WeightedLoss_ClipsCertainWrongAnswers_AsKeras()
    {
        // A delay scored exactly 0 costs −ln(1e-7 + 1e-7) ≈ 15.425 (clipped, then ε inside the log), not infinity.
        // The clip bound is 1e-7 rounded to float, as Keras' float32 clip.
        Assert.Equal(-Math.Log((float)1e-7 + 1e-7), WeightedLogLoss.Compute([1], [0f], 1, 1, Activation.HardSigmoid), 9);
        Assert.Equal(-Math.Log(1 - (double)(float)(1 - 1e-7) + 1e-7), WeightedLogLoss.Compute([0], [1f], 1, 1, Activation.HardSigmoid), 9);
    }

    [Fact]
    public void WeightedLoss_Sigmoid_IsTheLossOfTheLogits()
    {
        // σ(z) = 0.2 for a delay: the logits loss softplus(−z) = −ln σ(z), no clip and no ε.
        Assert.Equal(-Math.Log(0.2f), WeightedLogLoss.Compute([1], [0.2f], 1, 1, Activation.Sigmoid), 9);
    }

    [Fact]
    public void Modes_AucsMax_LossMin()
    {
        Assert.Equal(["max", "max", "min"], ValidationMonitors.Names.Select(ValidationMonitors.Mode));
        Assert.Throws<ArgumentException>(() => ValidationMonitors.Mode("val_accuracy"));
    }

    [Theory]
    [InlineData(ValidationMonitors.RocAuc)]
    [InlineData(ValidationMonitors.PrAuc)]
    [InlineData(ValidationMonitors.WeightedLoss)]
    public void NaNScore_GivesNaN_WhichIsNeverAnImprovement(string monitor) =>
        Assert.True(double.IsNaN(ValidationMonitors.Value(monitor, Labels, [0.1f, float.NaN, 0.3f, 0.9f])));

    [Fact]
    public void UnknownMonitor_IsRejected() =>
        Assert.Throws<ArgumentException>(() => ValidationMonitors.Value("val_recall", Labels, Scores));
}
