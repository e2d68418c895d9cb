using Streetcar.Train.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Model;

public sealed class KerasBatchNormTests
{
    [Fact]
    public void Training_NormalisesWithBatchStatistics_AndMovesAveragesKerasStyle()
    {
        torch.random.manual_seed(1);
        var x = randn(8, 3).mul(2).add(1);
        var norm = new KerasBatchNorm(3);
        norm.train();

        var y = norm.forward(x);

        var mean = x.mean([0L]);
        var biased = x.var(0, false);
        var expected = x.sub(mean).div(biased.add(1e-3).sqrt());
        Assert.True(y.sub(expected).abs().max().item<float>() < 1e-5);
        // Keras: moving = 0.99 · moving + 0.01 · batch, with the biased variance (torch would use the unbiased one).
        Assert.True(norm.RunningMean.sub(mean.mul(0.01)).abs().max().item<float>() < 1e-6);
        Assert.True(norm.RunningVar.sub(biased.mul(0.01).add(0.99)).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void Inference_UsesMovingStatistics()
    {
        var norm = new KerasBatchNorm(2);
        using (no_grad())
        {
            norm.RunningMean.copy_(tensor(new[] { 1f, -1f }));
            norm.RunningVar.copy_(tensor(new[] { 4f, 0.25f }));
        }
        norm.eval();
        var y = norm.forward(tensor(new[] { 3f, 0f }).view(1, 2)).data<float>().ToArray();
        Assert.Equal(2 / MathF.Sqrt(4.001f), y[0], 5);
        Assert.Equal(1 / MathF.Sqrt(0.251f), y[1], 5);
    }

    [Fact]
    public void Training_OneRowBatch_GivesBetaAndZeroVarianceLikeKeras()
    {
        var norm = new KerasBatchNorm(2);
        using (no_grad())
        {
            norm.Bias.copy_(tensor(new[] { 0.5f, -0.5f }));
        }
        norm.train();
        var y = norm.forward(tensor(new[] { 3f, 1f }).view(1, 2)).data<float>().ToArray();
        Assert.Equal([0.5f, -0.5f], y);
        Assert.Equal([0.03f, 0.01f], norm.RunningMean.data<float>().ToArray().Select(v => MathF.Round(v, 6)));
        Assert.Equal([0.99f, 0.99f], norm.RunningVar.data<float>().ToArray().Select(v => MathF.Round(v, 6)));
    }

    [Fact]
    public void StateDict_HasTorchBatchNormKeys()
    {
        Assert.Equal(["bias", "running_mean", "running_var", "weight"], new KerasBatchNorm(4).state_dict().Keys.Order(StringComparer.Ordinal));
    }
}
