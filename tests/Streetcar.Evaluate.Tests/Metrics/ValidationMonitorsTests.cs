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
        // Rows: −2·ln(0.9), −2·ln(0.6), −5·ln(0.35), −5·ln(0.8); mean over 4 rows.
        var expected = ((-2 * Math.Log(0.9)) + (-2 * Math.Log(0.6)) + (-5 * Math.Log(0.35f)) + (-5 * Math.Log(0.8f))) / 4;

        Assert.Equal(expected, ValidationMonitors.Value(ValidationMonitors.WeightedLoss, Labels, Scores, zeroWeight: 2, oneWeight: 5), 6);
    }

    [Fact]
    public void WeightedLoss_ClipsCertainWrongAnswers_AsKeras()
    {
        // A delay scored exactly 0 costs −ln(1e-7) ≈ 16.118, not infinity.
        Assert.Equal(-Math.Log(1e-7), WeightedLogLoss.Compute([1], [0f], 1, 1), 9);
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
