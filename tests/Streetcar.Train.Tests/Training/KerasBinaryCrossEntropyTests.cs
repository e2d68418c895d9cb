using Streetcar.Train.Training;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Training;

public sealed class KerasBinaryCrossEntropyTests
{
    [Fact]
    public void WeightedSum_WithWeightsOverBatchSize_IsKerasBatchLoss()
    {
        var p = tensor(new[] { 0.9f, 0.2f, 0.6f, 0.01f }).view(4, 1);
        var y = tensor(new[] { 1f, 0f, 0f, 1f }).view(4, 1);
        float[] w = [1f, 1f, 1f, 30f];
        var expected = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var pi = p.data<float>()[i];
            var yi = y.data<float>()[i];
            expected += w[i] * -(yi * Math.Log(pi) + (1 - yi) * Math.Log(1 - pi));
        }
        expected /= 4;
        var actual = KerasBinaryCrossEntropy.WeightedSum(p, y, tensor(w).view(4, 1).div(4)).item<float>();
        Assert.Equal(expected, actual, 4);
    }

    [Fact]
    public void PerRow_ClipsAtEpsilon_SoSaturatedPredictionsStayFinite()
    {
        var loss = KerasBinaryCrossEntropy.PerRow(tensor(new[] { 0f, 1f }).view(2, 1), tensor(new[] { 1f, 0f }).view(2, 1));
        var l = loss.data<float>().ToArray();
        Assert.Equal(-Math.Log(1e-7), l[0], 3);
        // As in Keras, 1 - 1e-7 is rounded to float32 (0.99999988), so the upper clip costs ln(1.19e-7).
        Assert.Equal(-Math.Log(1 - (double)(float)(1 - 1e-7)), l[1], 3);
    }

    [Fact]
    public void Gradient_VanishesWherePredictionIsClipped()
    {
        var p = tensor(new[] { 0f, 0.5f }).view(2, 1).requires_grad_(true);
        KerasBinaryCrossEntropy.WeightedSum(p, ones(2, 1), ones(2, 1)).backward();
        var grad = p.grad!.data<float>().ToArray();
        Assert.Equal(0f, grad[0]);
        Assert.Equal(-2f, grad[1], 4);
    }
}
