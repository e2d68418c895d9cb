using Streetcar.Core.Config;
using Streetcar.Train.Training;
using Streetcar.Train.Trajectories;

namespace Streetcar.Train.Tests.Trajectories;

/// <summary>
/// The promise that makes sharing safe: an experiment derived from a shared (or resumed) trajectory has the
/// weights, history and every other model-folder file it has when trained alone, byte for byte.
/// </summary>
public sealed class SharedTrajectoryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The book's series in small: budgets 1, 3 and 8, and the weighted shape with and without early stopping.</summary>
    public static TheoryData<string> Groups => new() { "unweighted", "weighted" };

    [Theory]
    [MemberData(nameof(Groups))]
    public void Derive_FromOneSharedTrajectory_EveryMemberIsByteIdenticalToTrainingItAlone(string group)
    {
        var members = Series(group);
        var trajectory = _temp.Sub("trajectory");
        var history = TrajectoryStage.Run(new TrajectoryInput(members[0], TestData.Train(), TestData.Valid(), TestData.Encoders,
            members.Max(m => m.Epochs), records => members.All(m => StoppingRule.Apply(records, m.Epochs, m.EarlyStopping).Complete), trajectory));
        Assert.Equal(members.Max(m => m.Epochs), history.Epochs.Count);

        foreach (var member in members)
        {
            var derived = _temp.Sub($"derived-{member.Name}");
            var alone = _temp.Sub($"alone-{member.Name}");
            var kept = TrainStage.Derive(trajectory, member, TestData.Encoders, derived);
            using (TrainStage.Run(TestData.Input(member, alone)))
            {
            }
            AssertSameFiles(alone, derived);
            if (member.EarlyStopping.Enabled)
            {
                Assert.NotNull(kept.BestEpoch);
            }
        }
    }

    [Fact]
    public void Derive_EarlyStoppingMember_StopsBeforeItsBudgetAndKeepsAnEarlierCheckpoint()
    {
        // Guards the test above: it only proves something if some member really stops early.
        var member = Series("weighted").Single(m => m.Name == "stop-val-accuracy");
        var trajectory = _temp.Sub("trajectory");
        TrajectoryStage.Run(new TrajectoryInput(member, TestData.Train(), TestData.Valid(), TestData.Encoders, member.Epochs,
            records => StoppingRule.Apply(records, member.Epochs, member.EarlyStopping).Complete, trajectory));
        var kept = TrainStage.Derive(trajectory, member, TestData.Encoders, _temp.Sub("derived"));

        Assert.NotNull(kept.StoppedEpoch);
        Assert.True(kept.Epochs.Count < member.Epochs);
        Assert.True(kept.ChosenEpoch < kept.Epochs.Count);
    }

    [Fact]
    public void Run_RecordsTheImbalanceMonitors_AsTheValidationPredictionsOfEachEpochsWeightsGiveThem()
    {
        var member = Series("weighted").Single(m => m.Name == "stop-val-pr-auc");
        var trajectory = _temp.Sub("trajectory");
        var history = TrajectoryStage.Run(new TrajectoryInput(member with { Epochs = 3 }, TestData.Train(), TestData.Valid(), TestData.Encoders, 3, _ => false, trajectory));
        var kept = TrainStage.Derive(trajectory, member with { Epochs = 3, EarlyStopping = new EarlyStoppingConfig() }, TestData.Encoders, _temp.Sub("derived"));
        using var saved = Streetcar.Train.Saving.ModelFolder.Load(_temp.Sub("derived"));
        var valid = TestData.Valid();
        var scores = TrainStage.Predict(saved.Model, valid);
        var last = history.Epochs[^1];

        Assert.Equal(3, kept.ChosenEpoch);
        Assert.Equal(Streetcar.Evaluate.Metrics.ValidationMonitors.Value(Streetcar.Evaluate.Metrics.ValidationMonitors.RocAuc, valid.Labels, scores), last.ValRocAuc, 12);
        Assert.Equal(Streetcar.Evaluate.Metrics.ValidationMonitors.Value(Streetcar.Evaluate.Metrics.ValidationMonitors.PrAuc, valid.Labels, scores), last.ValPrAuc, 12);
        // The epoch's figures come from the managed validation pass, these from libtorch's forward: the same
        // probabilities to float rounding (~1e-9 here), so the loss agrees to 7 places, not bit for bit.
        Assert.Equal(Streetcar.Evaluate.Metrics.ValidationMonitors.Value(Streetcar.Evaluate.Metrics.ValidationMonitors.WeightedLoss, valid.Labels, scores, history.ZeroWeight, history.OneWeight),
            last.ValWeightedLoss, 7);
        Assert.All(history.Epochs, r => Assert.InRange(r.ValRocAuc, 0, 1));
    }

    [Fact]
    public void Run_ResumedFromAShorterTrajectory_IsByteIdenticalToAnUninterruptedOne()
    {
        var config = TestData.Config(epochs: 5) with { Weighting = ClassWeighting.Balanced, DropoutRate = 0.05 };
        TrajectoryInput Input(int epochs, string folder) => new(config, TestData.Train(), TestData.Valid(), TestData.Encoders, epochs, _ => false, folder);

        TrajectoryStage.Run(Input(5, _temp.Sub("whole")));
        TrajectoryStage.Run(Input(2, _temp.Sub("first")));
        TrajectoryStage.Run(Input(5, _temp.Sub("resumed")) with { ResumeFrom = _temp.Sub("first") });

        AssertSameFiles(_temp.Sub("whole"), _temp.Sub("resumed"));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(_temp.Sub("resumed"), TrajectoryLayout.WeightsFolder)).Length);
    }

    [Fact]
    public void Derive_TrajectoryTooShortForTheBudget_Refuses()
    {
        var config = TestData.Config(epochs: 2);
        TrajectoryStage.Run(new TrajectoryInput(config, TestData.Train(), TestData.Valid(), TestData.Encoders, 2, _ => false, _temp.Sub("t")));

        Assert.Throws<InvalidOperationException>(() => TrainStage.Derive(_temp.Sub("t"), config with { Epochs = 3 }, TestData.Encoders, _temp.Sub("d")));
    }

    /// <summary>Configs that differ only in their stopping rule, like exp0–exp2 and exp3–exp5.</summary>
    private static ExperimentConfig[] Series(string group)
    {
        var shape = TestData.Config() with { DropoutRate = 0.05, Weighting = group == "weighted" ? ClassWeighting.Balanced : ClassWeighting.None };
        return group == "unweighted"
            ? [shape with { Name = "one", Epochs = 1 }, shape with { Name = "three", Epochs = 3 }, shape with { Name = "eight", Epochs = 8 }]
            : [shape with { Name = "eight", Epochs = 8 },
               shape with { Name = "stop-val-loss", Epochs = 8, EarlyStopping = new EarlyStoppingConfig { Enabled = true, Monitor = MonitorMetric.ValLoss, Mode = MonitorMode.Min, Patience = 2 } },
               shape with { Name = "stop-val-accuracy", Epochs = 8, EarlyStopping = new EarlyStoppingConfig { Enabled = true, Monitor = MonitorMetric.ValAccuracy, Mode = MonitorMode.Max, Patience = 1 } },
               shape with { Name = "stop-val-pr-auc", Epochs = 8, EarlyStopping = new EarlyStoppingConfig { Enabled = true, Monitor = MonitorMetric.ValPrAuc, Mode = MonitorMode.Max, Patience = 2 } }];
    }

    internal static void AssertSameFiles(string expected, string actual)
    {
        string[] Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }
}
