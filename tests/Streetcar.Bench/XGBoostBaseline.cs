using System.Globalization;
using System.Text.Json;
using Streetcar.Core.Config;
using Streetcar.Core.Data;

namespace Streetcar.Bench;

/// <summary>
/// Runs xgboost_fit.py (beside this file, copied to the output) on the benchmark's rows with Debian's
/// python3-xgboost (1.7): XGBoost's hist fit with the gbm experiment's rounds, leaves, learning rate and weighting,
/// one thread, as the baseline of the LightGBM fit.
/// </summary>
internal static class XGBoostBaseline
{
    /// <summary>What to run when XGBoost is missing.</summary>
    public const string InstallHint = "apt-get install -y python3-xgboost python3-pandas";

    /// <summary>Wall and processor seconds of <paramref name="runs"/> fits and a note (the version and the
    /// validation AUC, or why nothing was measured).</summary>
    public static (IReadOnlyList<double>? Seconds, IReadOnlyList<double>? CpuSeconds, string Note) Measure(
        EncodedSplit train, EncodedSplit valid, IReadOnlyList<ColumnEncoder> encoders, GradientBoostingOptions options, double positiveWeight, int runs)
    {
        if (!File.Exists(PyTorchBaseline.Python) || PyTorchBaseline.RunPython("-c \"import xgboost, pandas\"", out _) != 0)
        {
            return (null, null, $"not measured: {PyTorchBaseline.Python} cannot import xgboost and pandas (install them with: sudo {InstallHint})");
        }
        var folder = Directory.CreateTempSubdirectory("bench-xgboost").FullName;
        try
        {
            PyTorchBaseline.Write(folder, train);
            PyTorchBaseline.Write(folder, valid);
            var script = Path.Combine(AppContext.BaseDirectory, "xgboost_fit.py");
            var arguments = string.Join(' ', [
                $"\"{script}\"", "--data", $"\"{folder}\"",
                "--cardinalities", string.Join(',', encoders.Select(e => e.Cardinality)),
                "--runs", Invariant(runs), "--rounds", Invariant(options.Iterations), "--leaves", Invariant(options.NumLeaves),
                "--learning-rate", Invariant(options.LearningRate), "--positive-weight", Invariant(positiveWeight),
                "--threads", Invariant(options.Threads), "--seed", Invariant(options.Seed)]);
            if (PyTorchBaseline.RunPython(arguments, out var output) != 0)
            {
                return (null, null, $"not measured: xgboost_fit.py failed: {output.Trim().Split('\n').LastOrDefault()}");
            }
            using var result = JsonDocument.Parse(output.Trim().Split('\n').Last());
            double[] Seconds(string name) => result.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var auc = result.RootElement.GetProperty("valid_auc").GetDouble();
            return (Seconds("fit_seconds"), Seconds("cpu_seconds"),
                string.Create(CultureInfo.InvariantCulture, $"XGBoost {result.RootElement.GetProperty("xgboost").GetString()}, validation ROC AUC {auc:F4}"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
