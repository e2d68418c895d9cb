using System.Diagnostics;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Evaluate.Metrics;
using Streetcar.Evaluate.Thresholds;
using Xunit.Abstractions;

namespace Streetcar.Boosting.Tests;

/// <summary>
/// Opt-in measurement on the real split (the fit and ML.NET's scoring of three million rows take a minute, too long
/// for CI): with $STREETCAR_GBM_SPLIT set to a Prepare output folder (data/cache/split/&lt;key&gt;), fits 31 leaves
/// x 100 iterations, one thread, balanced weighting on its train split and prints the fit time, test metrics at
/// 0.5 and at the threshold each rule chooses on the validation split, and the AUCs of the thinned test curves;
/// then scores all three splits with the managed scorer and with ML.NET, times both, and checks that every
/// probability is the same bit for bit. Without it the test only says it did nothing.
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
        var valid = EncodedSplitFile.Read(Path.Combine(folder, PreparedLayout.Valid));
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
        var validProbabilities = model.Predict(valid);
        foreach (var rule in new[] { ThresholdRule.TargetRecall(0.85), ThresholdRule.MaxF1, ThresholdRule.Youden })
        {
            var chosen = ThresholdSelection.Choose(rule, valid.Labels, validProbabilities);
            var t = ClassificationMetrics.Compute(test.Labels, probabilities, chosen.Threshold);
            output.WriteLine($"{rule}: threshold {chosen.Threshold:F4} (validation recall {chosen.Recall:F4} precision {chosen.Precision:F4}); test accuracy {t.Accuracy:F4} recall {t.Recall:F4} precision {t.Precision:F4} f1 {t.F1:F4}");
        }
        var curves = ScoreCurves.Compute(test.Labels, probabilities);
        output.WriteLine($"test curves: ROC {curves.Roc.Count} points, area {ScoreCurves.TrapezoidArea(curves.Roc):F4}; PR {curves.PrecisionRecall.Count} points, area {ScoreCurves.StepArea(curves.PrecisionRecall):F4}");
        Assert.True(m.RocAuc > 0.5, $"ROC AUC {m.RocAuc}");

        foreach (var split in new[] { train, valid, test })
        {
            clock.Restart();
            var managed = model.Predict(split);
            var managedSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var mlNet = model.PredictWithMlNet(split);
            var mlNetSeconds = clock.Elapsed.TotalSeconds;
            var differing = Enumerable.Range(0, split.Rows).Count(r => BitConverter.SingleToInt32Bits(managed[r]) != BitConverter.SingleToInt32Bits(mlNet[r]));
            output.WriteLine($"{split.Name}: {split.Rows:N0} rows, managed {managedSeconds:F2} s, ML.NET {mlNetSeconds:F2} s, {differing} probabilities differ; load {LoadAverage()}");
            Assert.Equal(0, differing);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
