using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Streetcar.Core.Data;
using Streetcar.Train.Benchmarks;

namespace Streetcar.Bench;

/// <summary>
/// Runs pytorch_epoch.py (beside this file, copied to the output) on the benchmark's own rows with Debian's
/// python3-torch: the same fused model and Keras semantics in PyTorch, as the baseline of the TorchSharp epoch.
/// </summary>
internal static class PyTorchBaseline
{
    /// <summary>The system interpreter, where Debian's python3-torch installs.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>What to run when PyTorch is missing (the Cake Bench target runs it itself as root).</summary>
    public const string InstallHint = "apt-get install -y python3-torch";

    /// <summary>
    /// Wall and processor seconds per epoch after one warm-up epoch and the torch version, or null and why not
    /// when <see cref="Python"/> cannot import torch.
    /// </summary>
    /// <remarks>
    /// With <paramref name="hiddenLayers"/>, the model has those ReLU layers, <paramref name="activation"/>
    /// (hard_sigmoid or sigmoid) and <paramref name="learningRate"/>: exp7's model as EpochBenchmark.MeasureExp7 trains it.
    /// </remarks>
    public static (IReadOnlyList<double>? Seconds, IReadOnlyList<double>? CpuSeconds, string Note) Measure(EncodedSplit train, EncodedSplit valid, int epochs, int batchSize, int threads,
        IReadOnlyList<int>? hiddenLayers = null, string activation = "hard_sigmoid", double learningRate = EpochBenchmark.LearningRate)
    {
        if (!File.Exists(Python) || RunPython("-c \"import torch\"", out _) != 0)
        {
            return (null, null, $"not measured: {Python} cannot import torch (install it with: sudo {InstallHint})");
        }
        var folder = Directory.CreateTempSubdirectory("bench-pytorch").FullName;
        try
        {
            Write(folder, train);
            Write(folder, valid);
            var script = Path.Combine(AppContext.BaseDirectory, "pytorch_epoch.py");
            var arguments = string.Join(' ', [
                Quote(script), "--data", Quote(folder),
                "--cardinalities", string.Join(',', SyntheticData.RealCardinalities),
                "--epochs", Invariant(epochs), "--batch-size", Invariant(batchSize), "--threads", Invariant(threads),
                "--learning-rate", Invariant(learningRate), "--dropout", Invariant(EpochBenchmark.DropoutRate),
                "--positive-weight", Invariant(EpochBenchmark.PositiveWeight), "--activation", activation,
                .. (hiddenLayers is { Count: > 0 } ? new[] { "--hidden", string.Join(',', hiddenLayers) } : [])]);
            if (RunPython(arguments, out var output) != 0)
            {
                return (null, null, $"not measured: {Python} pytorch_epoch.py failed: {output.Trim().Split('\n').LastOrDefault()}");
            }
            using var result = JsonDocument.Parse(output.Trim().Split('\n').Last());
            double[] Seconds(string name) => result.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            return (Seconds("epoch_seconds"), Seconds("cpu_seconds"), $"PyTorch {result.RootElement.GetProperty("torch").GetString()}");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Codes as int32 [rows, columns] row-major and labels as bytes, the layout the script reads.</summary>
    internal static void Write(string folder, EncodedSplit split)
    {
        var columns = split.Columns.Count;
        var codes = new int[split.Rows * columns];
        for (var c = 0; c < columns; c++)
        {
            var column = split.Codes[c];
            for (var r = 0; r < split.Rows; r++)
            {
                codes[(r * columns) + c] = column[r];
            }
        }
        File.WriteAllBytes(Path.Combine(folder, $"{split.Name}.codes.i32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder, $"{split.Name}.labels.u8"), split.Labels);
    }

    /// <summary>Runs <see cref="Python"/> with <paramref name="arguments"/>: its exit code, and its standard output (with its errors when it failed).</summary>
    internal static int RunPython(string arguments, out string output)
    {
        var start = new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            output += error.Result;
        }
        return process.ExitCode;
    }

    private static string Quote(string path) => $"\"{path}\"";

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
