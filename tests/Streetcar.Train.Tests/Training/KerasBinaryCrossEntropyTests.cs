using Streetcar.Core.Config;
using Streetcar.Train.Training;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Training;

public sealed class KerasBinaryCrossEntropyTests
{
    private const double E = 1e-7;

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
            // TF 2's keras.backend.binary_crossentropy on probabilities: ε inside the log too.
            expected += w[i] * -((yi * Math.Log(pi + E)) + ((1 - yi) * Math.Log(1 - pi + E)));
        }
        expected /= 4;
        var actual = KerasBinaryCrossEntropy.WeightedSum(p, p, y, tensor(w).view(4, 1).div(4), Activation.HardSigmoid).item<float>();
        Assert.Equal(expected, actual, 4);
    }

    [Fact]
    public void PerRow_ClipsAtEpsilon_SoSaturatedPredictionsStayFinite()
    {
        var loss = KerasBinaryCrossEntropy.PerRow(tensor(new[] { 0f, 1f }).view(2, 1), tensor(new[] { 1f, 0f }).view(2, 1), Activation.HardSigmoid);
        var l = loss.data<float>().ToArray();
        // A delay scored 0: −ln(1e-7 + 1e-7) ≈ 15.42 (−ln(1e-7) ≈ 16.12 was torch's loss of the clipped p).
        Assert.Equal(-Math.Log(2e-7), l[0], 3);
        // As in Keras, 1 - 1e-7 is rounded to float32 (0.99999988), so the upper clip costs −ln(1.19e-7 + 1e-7).
        Assert.Equal(-Math.Log(1 - (double)(float)(1 - E) + E), l[1], 2);
        Assert.Equal(l[0], KerasBinaryCrossEntropy.Row(0f, 1f, Activation.HardSigmoid), 5);
    }

    [Fact]
    public void Gradient_VanishesWherePredictionIsClipped_AndIsKerasElsewhere()
    {
        var p = tensor(new[] { 0f, 0.5f }).view(2, 1).requires_grad_(true);
        KerasBinaryCrossEntropy.WeightedSum(p, p, ones(2, 1), ones(2, 1), Activation.HardSigmoid).backward();
        var grad = p.grad!.data<float>().ToArray();
        Assert.Equal(0f, grad[0]);
        Assert.Equal(-1 / (0.5 + E), grad[1], 4);
    }

    [Fact]
    public void Sigmoid_TakesTheLossFromTheLogits_Unclipped()
    {
        // z = −30: σ(z) ≈ 9e-14, far below the clip; Keras' logits loss for a delay is softplus(30) ≈ 30.
        var z = tensor(new[] { -30f, 2f }).view(2, 1).requires_grad_(true);
        var loss = KerasBinaryCrossEntropy.WeightedSum(z, z.sigmoid(), ones(2, 1), ones(2, 1), Activation.Sigmoid);
        loss.backward();
        Assert.Equal(30 + Math.Log(1 + Math.Exp(-30)) + Math.Log(1 + Math.Exp(-2)), loss.item<float>(), 4);
        var grad = z.grad!.data<float>().ToArray();
        Assert.Equal((1 / (1 + Math.Exp(30))) - 1, grad[0], 5);
        Assert.Equal((1 / (1 + Math.Exp(-2))) - 1, grad[1], 5);
    }
}
