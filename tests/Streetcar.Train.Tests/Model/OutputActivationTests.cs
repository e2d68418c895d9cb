using Streetcar.Core.Config;
using Streetcar.Train.Model;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Model;

public sealed class OutputActivationTests
{
    [Fact]
    public void HardSigmoid_IsKerasClipOfPointTwoXPlusHalf_NotTorchHardsigmoid()
    {
        var x = tensor(new[] { -3f, -2.5f, -1f, 0f, 1f, 2.5f, 3f });
        var y = OutputActivation.Apply(Activation.HardSigmoid, x).data<float>().ToArray();
        Assert.Equal([0f, 0f, 0.3f, 0.5f, 0.7f, 1f, 1f], y.Select(v => MathF.Round(v, 6)));
        // torch's hardsigmoid is x / 6 + 1/2: different at x = 1.
        Assert.NotEqual(nn.functional.hardsigmoid(x).data<float>()[4], y[4], 3);
    }

    [Fact]
    public void Sigmoid_IsLogistic()
    {
        var y = OutputActivation.Apply(Activation.Sigmoid, tensor(new[] { 0f, 2f })).data<float>().ToArray();
        Assert.Equal(0.5f, y[0], 6);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), y[1], 6);
    }
}
