using Streetcar.Evaluate.OperatingPoints;

namespace Streetcar.Evaluate.Tests.OperatingPoints;

public sealed class OperatingPointSelectionTests
{
    // Ten rows, scores 1.0 down to 0.1; delays at 1.0, 0.8, 0.5, 0.2 (four positives).
    private static readonly ScoredSplit Valid = new([1, 0, 1, 0, 0, 1, 0, 0, 1, 0], [1.0f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f, 0.3f, 0.2f, 0.1f]);

    [Fact]
    public void AtRecall_ThresholdOnValidation_FiguresOnTest()
    {
        ScoredSplit test = new([1, 1, 0, 0], [0.9f, 0.4f, 0.6f, 0.1f]);

        var point = OperatingPointSelection.AtRecall("exp7", Valid, test, 0.75);

        // Three of four validation delays first reached at 0.5.
        Assert.Null(point.Problem);
        Assert.Equal(0.5, point.Threshold!.Value, 6);
        Assert.Equal(0.75, point.ValidRecall);
        Assert.Equal(0.5, point.TestRecall);
        Assert.Equal(0.5, point.TestPrecision);
        Assert.Equal(0.5, point.TestAlertShare);
    }

    [Fact]
    public void AtBudget_AlertsAtMostTheShare()
    {
        var point = OperatingPointSelection.AtBudget("exp7", Valid, Valid, 0.3);

        Assert.Null(point.Problem);
        Assert.Equal(0.8, point.Threshold!.Value, 6);
        Assert.Equal(0.3, point.ValidAlertShare!.Value, 12);
        Assert.Equal(0.5, point.TestRecall);
    }

    [Fact]
    public void AtBudget_TiesAboveTheBudget_IsOneLineNamingTheExperiment()
    {
        ScoredSplit tied = new([1, 0, 0, 0], [0.9f, 0.9f, 0.1f, 0.1f]);

        var point = OperatingPointSelection.AtBudget("exp3", tied, tied, 0.1);

        Assert.Equal("exp3: recall at an alert budget of 10 % of slots: unreachable: 2 of 4 validation rows share the highest score 0.9", point.Problem);
        Assert.Null(point.TestRecall);
    }

    [Fact]
    public void AtRecall_NoDelayInValidation_IsOneLineNamingTheExperiment()
    {
        ScoredSplit none = new([0, 0], [0.9f, 0.1f]);

        var point = OperatingPointSelection.AtRecall("exp5", none, none, 0.8);

        Assert.StartsWith("exp5: precision at recall 0.8: threshold rule target_recall 0.8: cannot choose on validation: the validation split has no delay", point.Problem);
        Assert.Null(point.Threshold);
    }
}
