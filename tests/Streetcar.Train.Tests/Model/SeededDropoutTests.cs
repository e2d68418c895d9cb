using Streetcar.Train.Model;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Model;

public sealed class SeededDropoutTests
{
    [Fact]
    public void Training_DropsAboutPAndScalesTheRest()
    {
        var dropout = new SeededDropout(0.1, 5);
        dropout.train();
        var y = dropout.forward(ones(1000, 70)).data<float>().ToArray();
        var dropped = y.Count(v => v == 0);
        Assert.InRange(dropped, 6300, 7700);
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(1 / 0.9f, v, 5));
    }

    [Fact]
    public void Inference_IsIdentity()
    {
        var dropout = new SeededDropout(0.5, 5);
        dropout.eval();
        var x = rand(10, 7);
        Assert.True(dropout.forward(x).eq(x).all().item<bool>());
    }

    [Fact]
    public void SameSeed_SameMask_OtherSeed_OtherMask()
    {
        Tensor Mask(ulong seed)
        {
            var d = new SeededDropout(0.3, seed);
            d.train();
            return d.forward(ones(50, 70));
        }
        Assert.True(Mask(1).eq(Mask(1)).all().item<bool>());
        Assert.False(Mask(1).eq(Mask(2)).all().item<bool>());
    }
}
