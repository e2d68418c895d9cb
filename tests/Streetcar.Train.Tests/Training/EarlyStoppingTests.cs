using Streetcar.Core.Config;
using Streetcar.Train.Training;

namespace Streetcar.Train.Tests.Training;

public sealed class EarlyStoppingTests
{
    private static EpochRecord Loss(int epoch, double valLoss) => new(epoch, 0, 0, valLoss, 0);

    [Fact]
    public void Min_StopsAfterPatienceEpochsWithoutStrictImprovement()
    {
        var stopping = new EarlyStopping(MonitorMetric.ValLoss, MonitorMode.Min, 2);
        double[] losses = [1.0, 0.8, 0.8, 0.9];
        var verdicts = losses.Select((l, i) => stopping.OnEpochEnd(Loss(i + 1, l))).ToArray();
        Assert.Equal([EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Stop], verdicts);
        Assert.Equal(4, stopping.StoppedEpoch);
    }

    [Fact]
    public void Improvement_ResetsTheWait()
    {
        var stopping = new EarlyStopping(MonitorMetric.ValLoss, MonitorMode.Min, 2);
        double[] losses = [1.0, 1.1, 0.9, 1.2, 0.5, 0.6];
        Assert.All(losses.Select((l, i) => stopping.OnEpochEnd(Loss(i + 1, l))), v => Assert.Equal(EpochVerdict.Continue, v));
        Assert.Null(stopping.StoppedEpoch);
    }

    [Fact]
    public void Max_OnValAccuracy()
    {
        var stopping = new EarlyStopping(MonitorMetric.ValAccuracy, MonitorMode.Max, 1);
        Assert.Equal(EpochVerdict.Continue, stopping.OnEpochEnd(new EpochRecord(1, 0, 0, 0, 0.5)));
        Assert.Equal(EpochVerdict.Continue, stopping.OnEpochEnd(new EpochRecord(2, 0, 0, 0, 0.6)));
        Assert.Equal(EpochVerdict.Stop, stopping.OnEpochEnd(new EpochRecord(3, 0, 0, 0, 0.6)));
    }

    [Theory]
    [InlineData(MonitorMetric.Loss, 1)]
    [InlineData(MonitorMetric.Accuracy, 2)]
    [InlineData(MonitorMetric.ValLoss, 3)]
    [InlineData(MonitorMetric.ValAccuracy, 4)]
    public void EveryMonitor_ReadsItsMetric(MonitorMetric monitor, double expected)
    {
        var improvement = new MonitorImprovement(monitor, MonitorMode.Max);
        var record = new EpochRecord(1, 1, 2, 3, 4);
        Assert.True(improvement.Update(record));
        Assert.Equal(expected, record.Metric(monitor));
        Assert.Equal(expected, improvement.Best);
    }
}
