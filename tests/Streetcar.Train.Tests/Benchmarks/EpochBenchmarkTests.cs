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
