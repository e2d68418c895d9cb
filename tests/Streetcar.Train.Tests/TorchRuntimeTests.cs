namespace Streetcar.Train.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void PinCpuCapability_ReachesTheNativeEnvironment_WithoutOverridingAChoice()
    {
        TorchRuntime.PinCpuCapability();
        var pinned = TorchRuntime.CpuCapability();
        Assert.NotNull(pinned);

        TorchRuntime.PinCpuCapability("default");

        Assert.Equal(pinned, TorchRuntime.CpuCapability());
    }
}
