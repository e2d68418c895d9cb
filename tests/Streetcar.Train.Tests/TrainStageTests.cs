using Streetcar.Core.Config;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;
using Xunit.Abstractions;

namespace Streetcar.Train.Tests;

public sealed class TrainStageTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    public void Run_Twice_SameSeeds_IdenticalWeightsAndHistory(int threads, bool exp7Head)
    {
        // exp7's head: hidden layers [64, 32] and a sigmoid output, on the managed step like the book's model.
        var config = TestData.Config() with { Threads = threads };
        if (exp7Head)
        {
            config = config with { HiddenLayers = [64, 32], OutputActivation = Activation.Sigmoid };
        }
        using var a = TrainStage.Run(TestData.Input(config, _temp.Sub("a")));
        using var b = TrainStage.Run(TestData.Input(config, _temp.Sub("b")));

        Assert.Equal(File.ReadAllBytes(a.WeightsPath), File.ReadAllBytes(b.WeightsPath));
        Assert.Equal(File.ReadAllText(_temp.Sub("a/history.json")), File.ReadAllText(_temp.Sub("b/history.json")));
    }

    [Fact]
    public void Run_OtherTorchOrShuffleSeed_DifferentWeights()
    {
        var config = TestData.Config();
        using var a = TrainStage.Run(TestData.Input(config, _temp.Sub("a")));
        using var b = TrainStage.Run(TestData.Input(config with { Seeds = config.Seeds with { Torch = 7 } }, _temp.Sub("b")));
        using var c = TrainStage.Run(TestData.Input(config with { Seeds = config.Seeds with { Shuffle = 7 } }, _temp.Sub("c")));

        Assert.NotEqual(File.ReadAllBytes(a.WeightsPath), File.ReadAllBytes(b.WeightsPath));
        Assert.NotEqual(File.ReadAllBytes(a.WeightsPath), File.ReadAllBytes(c.WeightsPath));
    }

    [Fact]
    public void Run_WritesSelfContainedFolder_WithoutMachineSpecifics()
    {
        using var result = TrainStage.Run(TestData.Input(TestData.Config(), _temp.Sub("m")));
        var files = Directory.GetFiles(result.ModelFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["architecture.json", "config.json", "encoders.json", "history.json", "weights.dat"], files);
        foreach (var json in Directory.GetFiles(result.ModelFolder, "*.json"))
        {
            var text = File.ReadAllText(json);
            Assert.DoesNotContain(_temp.Path, text);
            Assert.DoesNotContain(Environment.MachineName, text);
            Assert.EndsWith("\n", text);
        }
        Assert.Contains("\"form\": \"fused\"", File.ReadAllText(_temp.Sub("m/architecture.json")));
        Assert.Equal(2, result.History.Epochs.Count);
        Assert.Equal(ChosenModel.Final, result.History.Chosen);
        Assert.Equal(2, result.History.ChosenEpoch);
    }

    [Fact]
    public void Run_EarlyStopping_StopsAndKeepsBestCheckpoint()
    {
        // A learning rate this large makes validation loss bounce, so patience 1 stops early.
        var config = TestData.Config(epochs: 30) with
        {
            LearningRate = 2.0,
            EarlyStopping = new EarlyStoppingConfig { Enabled = true, Monitor = MonitorMetric.ValLoss, Mode = MonitorMode.Min, Patience = 1 },
        };
        using var result = TrainStage.Run(TestData.Input(config, _temp.Sub("e")));
        var history = result.History;

        Assert.Equal(ChosenModel.BestCheckpoint, history.Chosen);
        Assert.NotNull(history.StoppedEpoch);
        Assert.True(history.Epochs.Count < 30);
        var best = history.Epochs.MinBy(e => e.ValLoss)!;
        Assert.Equal(best.Epoch, history.BestEpoch);
        // The saved model is the checkpoint: its validation loss is the best epoch's.
        using var valid = TensorSplit.From(TestData.Valid(), result.Model, new ClassWeights(1, 1));
        Assert.Equal(best.ValLoss, Trainer.Evaluate(result.Model, valid).Loss, 5);
    }

    [Fact]
    public void Run_LossThatOverflows_IsAPipelineErrorNamingLearningRate()
    {
        // Far above the validated bound (0, 10]: only a config built in code can ask for it, and the trainer's
        // own check must still stop it with a clear error rather than save a NaN model.
        var config = TestData.Config() with { LearningRate = 1e30 };

        var error = Assert.ThrowsAny<Streetcar.Core.Errors.PipelineException>(() => TrainStage.Run(TestData.Input(config, _temp.Sub("nan"))));

        Assert.Contains("diverged", error.Message);
        Assert.Contains("learning_rate", error.Message);
    }

    [Fact]
    public void Run_Weighted_PlantedSignal_RecallWellAboveZero_UnweightedLower()
    {
        var valid = TestData.Valid(noise: 0.3);
        var train = TestData.Train(noise: 0.3);
        // At 0.05 the weighted run can saturate the hard sigmoid for good (all outputs 0, no gradient), and whether it does
        // depends on the last bits of the arithmetic; at 0.02 it learns with either training step.
        var config = TestData.Config(epochs: 8) with { LearningRate = 0.02, BatchSize = 100 };

        using var weighted = TrainStage.Run(TestData.Input(config with { Weighting = ClassWeighting.Balanced }, _temp.Sub("w"), train, valid));
        using var plain = TrainStage.Run(TestData.Input(config, _temp.Sub("u"), train, valid));

        var weightedRecall = Recall(TrainStage.Predict(weighted.Model, valid), valid.Labels);
        var plainRecall = Recall(TrainStage.Predict(plain.Model, valid), valid.Labels);
        output.WriteLine($"recall weighted {weightedRecall:F3}, unweighted {plainRecall:F3}");
        Assert.InRange(weighted.History.OneWeight, 48.9, 49.1);
        Assert.True(weightedRecall > 0.3, $"weighted recall {weightedRecall}");
        Assert.True(plainRecall < weightedRecall, $"unweighted recall {plainRecall} vs weighted {weightedRecall}");
    }

    [Fact]
    public void Run_Tensorboard_WritesEventFileIntoGivenFolder()
    {
        var input = TestData.Input(TestData.Config() with { Tensorboard = true }, _temp.Sub("t")) with { TensorBoardFolder = _temp.Sub("tb") };
        using var result = TrainStage.Run(input);
        Assert.NotEmpty(Directory.GetFiles(_temp.Sub("tb"), "events.out.tfevents.*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(result.ModelFolder, "tb")));
    }

    private static double Recall(float[] probabilities, byte[] labels)
    {
        var delays = labels.Count(l => l == 1);
        var found = probabilities.Where((p, i) => p > 0.5 && labels[i] == 1).Count();
        return (double)found / delays;
    }
}
