using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests;

/// <summary>
/// Proves that libtorch loads on this machine (see build/native) and that a model really learns.
/// </summary>
public sealed class TorchSharpSmokeTests
{
    [Fact]
    public void SmallModel_TrainsForAFewSteps_LossDecreasesAndPredictionsChange()
    {
        torch.random.manual_seed(42);
        // A separable problem: the label is 1 when x0 + x1 > 0.
        var x = torch.randn(256, 2);
        var y = (x[.., 0] + x[.., 1]).gt(0).to_type(ScalarType.Float32).unsqueeze(1);
        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid());
        var optimizer = optim.SGD(model.parameters(), 0.5);
        var loss = nn.BCELoss();

        var before = model.forward(x).detach().clone();
        var firstLoss = loss.forward(before, y).item<float>();
        for (var step = 0; step < 50; step++)
        {
            optimizer.zero_grad();
            var l = loss.forward(model.forward(x), y);
            l.backward();
            optimizer.step();
        }
        var after = model.forward(x).detach();
        var lastLoss = loss.forward(after, y).item<float>();

        Assert.True(lastLoss < firstLoss * 0.8, $"loss went from {firstLoss} to {lastLoss}");
        Assert.True((after - before).abs().max().item<float>() > 1e-3, "predictions did not change");
    }
}
