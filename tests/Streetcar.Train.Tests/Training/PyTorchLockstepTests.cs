using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Streetcar.Core.Config;
using Streetcar.Core.Randomness;
using Streetcar.Train.Benchmarks;
using Streetcar.Train.Model;
using Streetcar.Train.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Training;

/// <summary>
/// Both training paths against plain PyTorch (pytorch_lockstep.py, Debian's python3-torch): the book's fused model
/// with hard_sigmoid at the book's class weight (balanced, ~49 for 2 % delays), the same initial weights, batch
/// order and dropout masks, two epochs; every batch's loss and the final weights agree within 1e-5. The same run
/// with the old loss, −log(clip(p)), disagrees, so the comparison does tell Keras' loss from it.
/// </summary>
public sealed class PyTorchLockstepTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";
    private const int Rows = 2500;
    private const int BatchSize = 1000;
    private const int Epochs = 2;
    private const double Tolerance = 1e-5;

    // Large enough that two epochs of three batches move every weight well past the tolerance, small enough that no
    // row crosses a hard_sigmoid or clip boundary by a last-bit difference (the initial model already has rows
    // saturated at 0 and 1, where the two losses differ most).
    private const double LearningRate = 0.01;

    [Fact]
    public void ManagedStepAndAutograd_MatchPyTorch_BatchByBatch()
    {
        var torchVersion = RunPython("-c \"import torch; print(torch.__version__)\"", out var probe);
        Assert.True(torchVersion == 0, $"{Python} cannot import torch (install Debian's python3-torch: apt-get install -y python3-torch): {probe.Trim()}");
        set_num_threads(1);
        var split = SyntheticData.Generate("lockstep", Rows, SyntheticData.RealCardinalities, 0.02, 1, 2);
        var weights = new ClassWeights(1.0, (double)(split.Rows - split.Positives) / split.Positives);
        var architecture = EpochBenchmark.Architecture(split, [], Activation.HardSigmoid);
        FusedModel Fresh()
        {
            random.manual_seed(21);
            var model = new FusedModel(architecture);
            model.train();
            return model;
        }

        using var folder = new TempFolder();
        using var initial = Fresh();
        using var tensors = TensorSplit.From(split, initial, weights);
        WriteState(folder.Path, initial);
        File.WriteAllBytes(Path.Combine(folder.Path, "inputs.i64"), MemoryMarshal.AsBytes(tensors.Inputs.data<long>().ToArray().AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder.Path, "labels.f32"), MemoryMarshal.AsBytes(tensors.Labels.data<float>().ToArray().AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder.Path, "weights.f32"), MemoryMarshal.AsBytes(tensors.Weights.data<float>().ToArray().AsSpan()).ToArray());
        // The batch orders as Trainer shuffles, and the masks SeededDropout draws batch after batch.
        var shuffle = new SplitMix64(7);
        var orders = Enumerable.Range(0, Epochs).Select(_ => shuffle.Permutation(Rows)).ToArray();
        var twin = new SeededDropout(architecture.DropoutRate, 0) { GeneratorState = initial.Dropout.GeneratorState };
        var dropped = new List<long>();
        var counts = new List<int>();
        foreach (var _ in orders)
        {
            for (var start = 0; start < Rows; start += BatchSize)
            {
                var positions = twin.DroppedPositions((long)Math.Min(BatchSize, Rows - start) * architecture.ConcatWidth);
                dropped.AddRange(positions);
                counts.Add(positions.Length);
            }
        }
        Assert.True(dropped.Count > 0, "no dropout mask to compare");
        File.WriteAllBytes(Path.Combine(folder.Path, "orders.i32"), MemoryMarshal.AsBytes(orders.SelectMany(o => o).ToArray().AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder.Path, "dropped.i64"), MemoryMarshal.AsBytes(dropped.ToArray().AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder.Path, "dropped_counts.i32"), MemoryMarshal.AsBytes(counts.ToArray().AsSpan()).ToArray());

        using var managed = Fresh();
        var managedLosses = TrainManaged(managed, tensors, orders);
        using var autograd = Fresh();
        var autogradLosses = TrainAutograd(autograd, tensors, orders);

        var (keras, version) = Reference(folder.Path, initial, "keras");
        var (oldLoss, _) = Reference(folder.Path, initial, "torch_clip");
        var managedDifference = Compare("managed", managedLosses, managed, keras);
        var autogradDifference = Compare("autograd", autogradLosses, autograd, keras);
        var oldDifference = keras.Losses.Zip(oldLoss.Losses, (a, b) => Math.Abs(a - b)).Max();
        var moved = State(managed).Zip(State(initial), (a, b) => a.Value.Zip(b.Value, (x, y) => Math.Abs(x - y)).Max()).Min();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PyTorch {version}: largest difference managed {managedDifference:E2}, autograd {autogradDifference:E2}; the old loss's batch losses differ by up to {oldDifference:E2}; the least-moved tensor moved {moved:E2}"));
        Assert.True(oldDifference > 100 * Tolerance, $"the old loss gives the same batch losses (largest difference {oldDifference}): the comparison cannot tell them apart");
        Assert.True(moved > 10 * Tolerance, $"training moved some tensor by only {moved}");
    }

    private static List<double> TrainManaged(FusedModel model, TensorSplit split, int[][] orders)
    {
        var losses = new List<double>();
        foreach (var order in orders)
        {
            var step = new FusedTrainingStep(model);
            var (inputs, labels, weights) = split.InOrder(order);
            var columns = inputs.Length / Rows;
            for (var start = 0; start < Rows; start += BatchSize)
            {
                var n = Math.Min(BatchSize, Rows - start);
                var (loss, _) = step.Step(inputs.AsSpan(start * columns, n * columns), labels.AsSpan(start, n), weights.AsSpan(start, n), LearningRate);
                losses.Add(loss / n);
            }
            step.Push();
        }
        return losses;
    }

    private static List<double> TrainAutograd(FusedModel model, TensorSplit split, int[][] orders)
    {
        var losses = new List<double>();
        var sgd = new PlainSgd(model.parameters(), LearningRate);
        foreach (var order in orders)
        {
            for (var start = 0; start < Rows; start += BatchSize)
            {
                using var scope = NewDisposeScope();
                var n = Math.Min(BatchSize, Rows - start);
                var rows = tensor(order.Skip(start).Take(n).Select(r => (long)r).ToArray());
                var loss = KerasBinaryCrossEntropy.WeightedSum(model, split.Inputs.index_select(0, rows), split.Labels.index_select(0, rows), split.Weights.index_select(0, rows).div(n));
                loss.backward();
                sgd.Step();
                losses.Add(loss.item<float>());
            }
        }
        return losses;
    }

    private double Compare(string path, List<double> losses, FusedModel model, ReferenceRun reference)
    {
        Assert.Equal(reference.Losses.Count, losses.Count);
        var largest = 0.0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: batch losses {string.Join(", ", losses.Select(l => l.ToString("F7", CultureInfo.InvariantCulture)))}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PyTorch: batch losses {string.Join(", ", reference.Losses.Select(l => l.ToString("F7", CultureInfo.InvariantCulture)))}"));
        for (var i = 0; i < losses.Count; i++)
        {
            var difference = Math.Abs(losses[i] - reference.Losses[i]);
            largest = Math.Max(largest, difference);
            Assert.True(difference <= Tolerance, $"{path}, batch {i + 1}: loss {losses[i]}, PyTorch {reference.Losses[i]}");
        }
        foreach (var (name, values) in State(model))
        {
            var expected = reference.State[name];
            Assert.Equal(expected.Length, values.Length);
            var difference = values.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
            largest = Math.Max(largest, difference);
            Assert.True(difference <= Tolerance, $"{path}, {name}: largest difference {difference}");
        }
        return largest;
    }

    /// <summary>The model's tensors by the names the script uses, as floats.</summary>
    private static Dictionary<string, float[]> State(FusedModel model) => new()
    {
        ["embedding"] = model.Embedding.weight!.data<float>().ToArray(),
        ["norm_weight"] = model.Norm.Weight.data<float>().ToArray(),
        ["norm_bias"] = model.Norm.Bias.data<float>().ToArray(),
        ["norm_running_mean"] = model.Norm.RunningMean.data<float>().ToArray(),
        ["norm_running_var"] = model.Norm.RunningVar.data<float>().ToArray(),
        ["dense_weight"] = model.Head.Output.weight!.data<float>().ToArray(),
        ["dense_bias"] = model.Head.Output.bias!.data<float>().ToArray(),
    };

    private static void WriteState(string folder, FusedModel model)
    {
        foreach (var (name, values) in State(model))
        {
            File.WriteAllBytes(Path.Combine(folder, $"{name}.f32"), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        }
    }

    private (ReferenceRun Run, string Version) Reference(string folder, FusedModel model, string loss)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Training", "pytorch_lockstep.py");
        var arguments = string.Create(CultureInfo.InvariantCulture,
            $"\"{script}\" --data \"{folder}\" --rows {Rows} --table-rows {model.Embedding.weight!.shape[0]} --epochs {Epochs} --batch-size {BatchSize} --learning-rate {LearningRate} --dropout {model.Architecture.DropoutRate} --loss {loss}");
        var code = RunPython(arguments, out var text);
        Assert.True(code == 0, $"pytorch_lockstep.py failed ({code}): {text}");
        using var json = JsonDocument.Parse(text.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        var losses = root.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var state = root.GetProperty("state").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetSingle()).ToArray());
        return (new ReferenceRun(losses, state), root.GetProperty("torch").GetString()!);
    }

    private static int RunPython(string arguments, out string text)
    {
        if (!File.Exists(Python))
        {
            text = $"{Python} does not exist";
            return -1;
        }
        var start = new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            text += error.Result;
        }
        return process.ExitCode;
    }

    private sealed record ReferenceRun(List<double> Losses, Dictionary<string, float[]> State);
}
