using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Plots;

namespace Streetcar.Report.Tests;

public sealed class AchievablePrCurveTests
{
    [Fact]
    public void Of_ATwoScoreModel_StartsAtItsFirstThreshold_AndBendsBelowTheStraightLine()
    {
        // exp3 in issue 19: every row scores one of two values; the saved curve has scikit-learn's (0, 1) first.
        CurvePoint[] saved = [new(0, 1, double.PositiveInfinity), new(0.89, 0.03, 0.7), new(1, 0.0202, 0.1)];

        var path = AchievablePrCurve.Of(saved);

        Assert.Equal((0.89, 0.03), path[0]);
        Assert.Equal((1.0, 0.0202), path[^1]);
        Assert.DoesNotContain(path, p => p.Recall < 0.89);
        Assert.Equal(AchievablePrCurve.Steps + 1, path.Count);
        // Halfway in true and false positives: TP = 0.945, FP = (0.89·(1/0.03 − 1) + 1·(1/0.0202 − 1)) / 2.
        var fp = (0.89 * (1 / 0.03 - 1) + (1 / 0.0202 - 1)) / 2;
        var middle = path[AchievablePrCurve.Steps / 2];
        Assert.Equal(0.945, middle.Recall, 12);
        Assert.Equal(0.945 / (0.945 + fp), middle.Precision, 12);
        Assert.True(middle.Precision < (0.03 + 0.0202) / 2);
    }

    [Fact]
    public void Of_EqualPrecision_IsTheStraightLine()
    {
        CurvePoint[] saved = [new(0.2, 0.5, 0.9), new(0.6, 0.5, 0.4)];

        Assert.All(AchievablePrCurve.Of(saved), p => Assert.Equal(0.5, p.Precision, 12));
    }
}
