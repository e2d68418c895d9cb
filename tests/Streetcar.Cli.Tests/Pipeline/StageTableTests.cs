using System.Text.Json.Nodes;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Tests.Pipeline;

public sealed class StageTableTests
{
    private static readonly ExperimentConfig Book = new() { Name = "book" };

    [Fact]
    public void EveryConfigKey_IsReadByTheSplitTrajectoryBoostingOrEvaluateStage_OrIsPartOfTheStoppingRule()
    {
        var canonical = new[] { Book, Book with { Model = ModelKind.GradientBoosting } }
            .SelectMany(c => JsonNode.Parse(ExperimentConfigJson.Canonical(c))!.AsObject().Select(p => p.Key)).Distinct();
        var read = new IStage[] { StageTable.Split, StageTable.Trajectory, StageTable.TrainBoosting, StageTable.Evaluate }
            .SelectMany(s => s.ConfigKeys).Select(k => k.Split('.')[0]).Concat(StageTable.StoppingKeys).Concat(StageTable.RepeatKeys);

        // l2_lambda regularises only the book's text branch, which this model does not have: no stage reads it.
        Assert.Empty(canonical.Except(read).Except(["l2_lambda"]));
    }

    [Fact]
    public void TheTrajectory_DoesNotReadTheStoppingRule()
    {
        Assert.Empty(StageTable.Trajectory.ConfigKeys.Intersect(StageTable.StoppingKeys));
    }

    public static TheoryData<string, Func<ExperimentConfig, ExperimentConfig>> SameTrajectory => new()
    {
        { "threshold", c => c with { Threshold = ThresholdRule.Fixed(0.3) } },
        { "epochs", c => c with { Epochs = 10 } },
        { "early stopping", c => c with { EarlyStopping = c.EarlyStopping with { Enabled = true, Patience = 3 } } },
        { "name and description", c => c with { Name = "other", Description = "else" } },
    };

    public static TheoryData<string, Func<ExperimentConfig, ExperimentConfig>> OtherTrajectory => new()
    {
        { "learning rate", c => c with { LearningRate = 0.01 } },
        { "torch seed", c => c with { Seeds = c.Seeds with { Torch = 7 } } },
        { "shuffle seed", c => c with { Seeds = c.Seeds with { Shuffle = 7 } } },
        { "batch size", c => c with { BatchSize = 500 } },
        { "threads", c => c with { Threads = 2 } },
    };

    [Theory]
    [MemberData(nameof(SameTrajectory))]
    public void ChangingAKeyTheTrajectoryDoesNotRead_KeepsItsKey(string what, Func<ExperimentConfig, ExperimentConfig> change)
    {
        Assert.True(StageConfigKeys.Builder(StageTable.Trajectory, Book).Build() == StageConfigKeys.Builder(StageTable.Trajectory, change(Book)).Build(), what);
    }

    [Theory]
    [MemberData(nameof(OtherTrajectory))]
    public void ChangingAKeyTheTrajectoryReads_ChangesItsKey(string what, Func<ExperimentConfig, ExperimentConfig> change)
    {
        Assert.True(StageConfigKeys.Builder(StageTable.Trajectory, Book).Build() != StageConfigKeys.Builder(StageTable.Trajectory, change(Book)).Build(), what);
    }

    [Fact]
    public void ChangingTheThresholdRule_LeavesTheBoostingModelKeyAlone()
    {
        var boosting = Book with { Model = ModelKind.GradientBoosting };
        var rule = boosting with { Threshold = ThresholdRule.TargetRecall(0.85) };

        Assert.Equal(StageConfigKeys.Builder(StageTable.TrainBoosting, boosting).Build(), StageConfigKeys.Builder(StageTable.TrainBoosting, rule).Build());
        Assert.NotEqual(StageConfigKeys.Builder(StageTable.Evaluate, boosting).Build(), StageConfigKeys.Builder(StageTable.Evaluate, rule).Build());
        Assert.NotEqual(StageConfigKeys.Builder(StageTable.TrainBoosting, boosting).Build(),
            StageConfigKeys.Builder(StageTable.TrainBoosting, boosting with { GradientBoosting = boosting.GradientBoosting with { NumLeaves = 63 } }).Build());
    }

    [Fact]
    public void ChangingTheThreshold_ChangesOnlyTheEvaluateKeyAmongTheStagesThatReadNarrowly()
    {
        var other = Book with { Threshold = ThresholdRule.Fixed(0.3) };

        Assert.Equal(StageConfigKeys.Builder(StageTable.Split, Book).Build(), StageConfigKeys.Builder(StageTable.Split, other).Build());
        Assert.NotEqual(StageConfigKeys.Builder(StageTable.Evaluate, Book).Build(), StageConfigKeys.Builder(StageTable.Evaluate, other).Build());
    }
}
