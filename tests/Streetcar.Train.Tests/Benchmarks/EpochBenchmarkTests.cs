using Streetcar.Train.Benchmarks;
using Streetcar.Train.Model;
using Xunit.Abstractions;

namespace Streetcar.Train.Tests.Benchmarks;

public sealed class EpochBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Measure_SmallData_TimesEveryEpochButTheWarmUp()
    {
        var timing = EpochBenchmark.Measure(ModelForm.Fused, rows: 5000, epochs: 2, batchSize: 1000);
        Assert.Equal(2, timing.EpochSeconds.Count);
        Assert.All(timing.EpochSeconds, s => Assert.True(s > 0));
    }

    [Fact]
    public void Compare_GivesPerColumnThenFused()
    {
        var timings = EpochBenchmark.Compare(rows: 3000, epochs: 1);
        Assert.Equal([ModelForm.PerColumn, ModelForm.Fused], timings.Select(t => t.Form));
    }

    [Fact]
    public void MeasureExp7_SmallData_TrainsOnTheManagedStep()
    {
        var (train, valid) = EpochBenchmark.Data(rows: 4000);
        var timing = EpochBenchmark.MeasureExp7(train, valid, epochs: 1);
        Assert.Equal(Streetcar.Train.Training.TrainingPath.Managed, timing.Path);
        Assert.Equal([64, 32], timing.HiddenLayers);
        Assert.Single(timing.EpochSeconds);
    }

    [Fact]
    public void EpochFlops_CountsThreeProductsPerTrainingRowOnePerValidationRow_PlusTheNormWork()
    {
        var (train, _) = EpochBenchmark.Data(rows: 10);
        // Book: 70 multiply-adds; exp7: 70·64 + 64·32 + 32 = 6,560. Training 6 flops per multiply-add plus 19 per
        // feature, validation 2 plus 2.
        Assert.Equal((6.0 * 70) + (19 * 70), EpochBenchmark.EpochFlops(EpochBenchmark.Architecture(train, [], Streetcar.Core.Config.Activation.HardSigmoid), 1, 0));
        Assert.Equal(40_690.0, EpochBenchmark.EpochFlops(EpochBenchmark.Architecture(train, [64, 32], Streetcar.Core.Config.Activation.Sigmoid), 1, 0));
        Assert.Equal(2.0 * ((2 * 6_560) + (2 * 70)), EpochBenchmark.EpochFlops(EpochBenchmark.Architecture(train, [64, 32], Streetcar.Core.Config.Activation.Sigmoid), 0, 2));
    }

    /// <summary>The real-shape figure: set STREETCAR_BENCH=1 (takes about a minute).</summary>
    [Fact]
    public void Measure_RealShape_PerColumnAndFusedSideBySide()
    {
        if (Environment.GetEnvironmentVariable("STREETCAR_BENCH") != "1")
        {
            return;
        }
        var threads = int.Parse(Environment.GetEnvironmentVariable("STREETCAR_BENCH_THREADS") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var t in EpochBenchmark.Compare(threads: threads, epochs: 2))
        {
            output.WriteLine($"{t.Form}: threads {t.Threads}, rows {t.Rows}, batch {t.BatchSize}, s/epoch {string.Join(" ", t.EpochSeconds.Select(s => s.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");
        }
    }
}
