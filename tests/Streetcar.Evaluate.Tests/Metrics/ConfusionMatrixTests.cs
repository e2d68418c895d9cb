using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate.Tests.Metrics;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void FromProbabilities_CountsEachOutcome_AtTheThreshold()
    {
        byte[] labels = [0, 0, 0, 1, 1, 1, 1];
        float[] probabilities = [0.1f, 0.5f, 0.7f, 0.2f, 0.49f, 0.5f, 0.9f];

        var m = ConfusionMatrix.FromProbabilities(labels, probabilities, 0.5);

        Assert.Equal(new ConfusionMatrix(TrueNegatives: 1, FalsePositives: 2, FalseNegatives: 2, TruePositives: 2), m);
        Assert.Equal(3.0 / 7, m.Accuracy, 12);
        Assert.Equal(0.5, m.Recall, 12);
        Assert.Equal(0.5, m.Precision, 12);
        Assert.Equal(0.5, m.F1, 12);
    }

    [Fact]
    public void NeverPredictingADelay_HasZeroRecallAndPrecision_NotNaN()
    {
        var m = ConfusionMatrix.FromProbabilities([0, 0, 1], [0.1f, 0.1f, 0.1f], 0.5);

        Assert.Equal(0, m.Recall);
        Assert.Equal(0, m.Precision);
        Assert.Equal(0, m.F1);
        Assert.Equal(2.0 / 3, m.Accuracy, 12);
    }

    [Fact]
    public void MismatchedLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromProbabilities([0, 1], [0.5f], 0.5));
}
