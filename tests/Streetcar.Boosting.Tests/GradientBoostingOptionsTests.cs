using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Boosting.Tests;

public sealed class GradientBoostingOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(new GradientBoostingOptions().Problems());

    public static TheoryData<GradientBoostingOptions, string, string> BadOptions => new()
    {
        { new() { NumLeaves = 1 }, "num_leaves", "must be an integer >= 2, got 1" },
        { new() { Iterations = 0 }, "iterations", "must be an integer >= 1, got 0" },
        { new() { LearningRate = 0 }, "learning_rate", "must be in (0, 1], got 0" },
        { new() { LearningRate = 1.5 }, "learning_rate", "must be in (0, 1], got 1.5" },
        { new() { LearningRate = double.NaN }, "learning_rate", "must be in (0, 1], got NaN" },
        { new() { MinDataInLeaf = 0 }, "min_data_in_leaf", "must be an integer >= 1, got 0" },
        { new() { Seed = -1 }, "seed", "must be an integer >= 0, got -1" },
        { new() { Threads = 0 }, "threads", "must be an integer in 1 .. 64, got 0" },
        { new() { Threads = 65 }, "threads", "must be an integer in 1 .. 64, got 65" },
        { new() { PositiveWeighting = (PositiveWeighting)7 }, "positive_weighting", "'7' is not allowed; allowed: none | balanced" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_OutOfRange_NamesFileKeyAndAllowedValues(GradientBoostingOptions options, string key, string problem)
    {
        var e = Assert.Throws<ConfigException>(() => options.Validate("experiments/gbm.yml", "gradient_boosting."));

        Assert.Equal($"experiments/gbm.yml: 'gradient_boosting.{key}': {problem}", e.Message);
        Assert.Equal(3, e.ExitCode);
    }

    [Fact]
    public void Problems_ListsEveryBadValue_InDeclarationOrder()
    {
        var options = new GradientBoostingOptions { Iterations = 0, NumLeaves = 0, Threads = 0 };

        Assert.Equal(["num_leaves", "iterations", "threads"], options.Problems().Select(p => p.Key));
    }
}
