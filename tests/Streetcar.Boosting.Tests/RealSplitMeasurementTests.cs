using System.Diagnostics;
using Streetcar.Core.Data;
using Streetcar.Evaluate.Metrics;
using Xunit.Abstractions;

namespace Streetcar.Boosting.Tests;

/// <summary>
/// Opt-in measurement on the real split (the fit alone takes over a minute, too long for CI): with
/// $STREETCAR_GBM_SPLIT set to a Prepare output folder (data/cache/split/&lt;key&gt;), fits 31 leaves x 100
/// iterations, one thread, balanced weighting on its train split and prints test metrics at 0.5 and the fit
/// time. Without it the test only says it did nothing.
/// </summary>
public sealed class RealSplitMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public void Measure_31Leaves100Iterations_OnTheRealSplit()
    {
        var folder = Environment.GetEnvironmentVariable("STREETCAR_GBM_SPLIT");
        if (string.IsNullOrEmpty(folder))
        {
            output.WriteLine("not run: set STREETCAR_GBM_SPLIT to a prepared split folder");
            return;
        }
        var train = EncodedSplitFile.Read(Path.Combine(folder, PreparedLayout.Train));
        var test = EncodedSplitFile.Read(Path.Combine(folder, PreparedLayout.Test));
        var encoders = EncodersFile.Read(Path.Combine(folder, PreparedLayout.Encoders));
        var options = new GradientBoostingOptions { NumLeaves = 31, Iterations = 100, Threads = 1, PositiveWeighting = PositiveWeighting.Balanced };

        var clock = Stopwatch.StartNew();
        var model = GradientBoosting.Train(train, encoders, options);
        var fit = clock.Elapsed;
        clock.Restart();
        var probabilities = model.Predict(test);
        var predict = clock.Elapsed;
        var m = ClassificationMetrics.Compute(test.Labels, probabilities, 0.5);

        output.WriteLine($"train {train.Rows:N0} rows ({train.Positives:N0} delays), test {test.Rows:N0} rows ({test.Positives:N0} delays); positive weight {model.Info.PositiveWeight:F3}");
        output.WriteLine($"trees {model.Info.Trees}, splits {model.Info.Splits}, categorical {model.Info.CategoricalSplits}");
        output.WriteLine($"test at 0.5: accuracy {m.Accuracy:F4} recall {m.Recall:F4} precision {m.Precision:F4} f1 {m.F1:F4} roc_auc {m.RocAuc:F4} pr_auc {m.PrAuc:F4}");
        output.WriteLine($"fit {fit.TotalSeconds:F1} s, predict test {predict.TotalSeconds:F1} s; machine {Environment.ProcessorCount} cores, load {LoadAverage()}");
        Assert.True(m.RocAuc > 0.5, $"ROC AUC {m.RocAuc}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
