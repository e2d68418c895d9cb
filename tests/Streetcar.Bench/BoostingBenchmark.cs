using System.Diagnostics;
using Streetcar.Boosting;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Prepare;

namespace Streetcar.Bench;

/// <summary>
/// The gbm experiment's fit and scoring on the real split (seed 42, as Prepare makes it): the LightGBM fit against
/// XGBoost's hist fit of the same rows (<see cref="XGBoostBaseline"/>), and the managed scorer against ML.NET's own
/// prediction over the train, validation and test splits. Wall and processor seconds of each.
/// </summary>
internal static class BoostingBenchmark
{
    public const string XGBoostRow = "boosting: fit, XGBoost hist (baseline)";
    public const string MlNetScoreRow = "boosting: score 3 splits, ML.NET";

    /// <summary>The benchmark rows, baselines first. <paramref name="runs"/> fits and managed scorings; ML.NET scores
    /// once (it takes half a minute).</summary>
    public static IEnumerable<(string Name, IReadOnlyList<double>? Seconds, IReadOnlyList<double>? Cpu, string[] Baselines, string Note)> Rows(
        string dataSource, string prepareConfig, int runs)
    {
        var grid = PrepareStage.BuildGrid(PrepareStage.ReadConfig(prepareConfig), PrepareStage.WorkbooksIn(dataSource));
        var splits = PrepareStage.Split(grid, new SplitConfig(), seed: 42);
        var encoders = grid.Encoders;
        // experiments/gbm.yml: 31 leaves x 100 iterations, learning rate 0.1, one thread, balanced (the defaults).
        var options = new GradientBoostingOptions();
        var train = splits.Train;
        var positiveWeight = (double)(train.Rows - train.Positives) / train.Positives;

        var (xgbSeconds, xgbCpu, xgbNote) = XGBoostBaseline.Measure(train, splits.Valid, encoders, options, positiveWeight, runs);
        yield return (XGBoostRow, xgbSeconds, xgbCpu, [], xgbNote);

        BoostedModel? model = null;
        var (fitSeconds, fitCpu) = Time(runs, () => model = GradientBoosting.Train(train, encoders, options));
        yield return ("boosting: fit, ML.NET LightGBM", fitSeconds, fitCpu, xgbSeconds is null ? [] : [XGBoostRow],
            $"{model!.Info.Trees} trees of at most {options.NumLeaves} leaves, {train.Rows:N0} rows");

        EncodedSplit[] scored = [train, splits.Valid, splits.Test];
        float[][] mlNet = [];
        var (mlNetSeconds, mlNetCpu) = Time(1, () => mlNet = scored.Select(model.PredictWithMlNet).ToArray());
        yield return (MlNetScoreRow, mlNetSeconds, mlNetCpu, [], $"{scored.Sum(s => s.Rows):N0} rows");

        float[][] managed = [];
        var (managedSeconds, managedCpu) = Time(runs, () => managed = scored.Select(model.Predict).ToArray());
        var differing = managed.Zip(mlNet).Sum(p => p.First.Zip(p.Second).Count(x => BitConverter.SingleToInt32Bits(x.First) != BitConverter.SingleToInt32Bits(x.Second)));
        yield return ("boosting: score 3 splits, managed trees", managedSeconds, managedCpu, [MlNetScoreRow],
            differing == 0 ? "every probability bit-identical to ML.NET's" : $"{differing} probabilities differ from ML.NET's");
    }

    /// <summary>Wall and processor seconds of each of <paramref name="runs"/> calls.</summary>
    private static (double[] Seconds, double[] Cpu) Time(int runs, Action action)
    {
        var seconds = new double[runs];
        var cpu = new double[runs];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var processor = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            seconds[i] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - processor).TotalSeconds;
        }
        return (seconds, cpu);
    }
}
