using Streetcar.Core.Errors;

namespace Streetcar.Core.Config;

/// <summary>
/// Range checks of a resolved <see cref="ExperimentConfig"/> against <see cref="ExperimentBounds"/>; the first
/// violation is a <see cref="ConfigException"/> naming the key and its range.
/// </summary>
public static class ExperimentConfigValidator
{
    /// <summary>Throws on the first out-of-range value; <paramref name="fileOf"/> maps a dotted key to its file.</summary>
    public static void Validate(ExperimentConfig c, Func<string, string> fileOf)
    {
        void Fail(string key, string problem) => throw new ConfigException(fileOf(key), key, problem);
        void In(NumericBound bound, double v)
        {
            if (!bound.Contains(v)) Fail(bound.Key, bound.Problem(v));
        }
        // The YAML reader only produces members; this catches a record built in code with a cast number.
        void OneOf<T>(string key, T v) where T : struct, Enum
        {
            if (!Enum.IsDefined(v)) Fail(key, ConfigEnum.NotAllowed(typeof(T), v.ToString()));
        }

        In(ExperimentBounds.LearningRate, c.LearningRate);
        In(ExperimentBounds.DropoutRate, c.DropoutRate);
        In(ExperimentBounds.L2Lambda, c.L2Lambda);
        OneOf("loss", c.Loss);
        OneOf("output_activation", c.OutputActivation);
        In(ExperimentBounds.BatchSize, c.BatchSize);
        In(ExperimentBounds.Epochs, c.Epochs);
        OneOf("early_stopping.monitor", c.EarlyStopping.Monitor);
        OneOf("early_stopping.mode", c.EarlyStopping.Mode);
        if (MonitorMetrics.Direction(c.EarlyStopping.Monitor) is { } direction && direction != c.EarlyStopping.Mode)
        {
            // A ranking monitor watched in the wrong direction would keep the worst epoch without a word.
            Fail("early_stopping.mode", $"{ConfigEnum.Name(c.EarlyStopping.Monitor)} improves when it goes {(direction == MonitorMode.Max ? "up" : "down")}: write mode: {ConfigEnum.Name(direction)}");
        }
        In(ExperimentBounds.Patience, c.EarlyStopping.Patience);
        In(ExperimentBounds.ZeroWeight, c.ZeroWeight);
        OneOf("weighting", c.Weighting);
        In(ExperimentBounds.OneWeightOffset, c.OneWeightOffset);
        if (c.Weighting == ClassWeighting.None && c.OneWeightOffset != 0)
        {
            Fail("one_weight_offset", $"only applies with weighting: {ConfigEnum.Name(ClassWeighting.Balanced)}; must be 0 with weighting: {ConfigEnum.Name(ClassWeighting.None)}");
        }
        if (c.HiddenLayers.Length > ExperimentBounds.MaxHiddenLayers)
        {
            Fail("hidden_layers", $"lists {c.HiddenLayers.Length} layers; allowed: at most {ExperimentBounds.MaxHiddenLayers}");
        }
        for (var i = 0; i < c.HiddenLayers.Length; i++)
        {
            if (!ExperimentBounds.HiddenLayerWidth.Contains(c.HiddenLayers[i]))
            {
                Fail("hidden_layers", $"item {i}: {ExperimentBounds.HiddenLayerWidth.Problem(c.HiddenLayers[i])}");
            }
        }
        if (c.Threshold is { Choice: ThresholdChoice.Fixed, Value: { } fixedThreshold })
        {
            In(ExperimentBounds.Threshold, fixedThreshold);
        }
        In(ExperimentBounds.TorchSeed, c.Seeds.Torch);
        In(ExperimentBounds.ShuffleSeed, c.Seeds.Shuffle);
        In(ExperimentBounds.SplitSeed, c.Seeds.Split);
        In(ExperimentBounds.TestProportion, c.Split.TestProportion);
        In(ExperimentBounds.TrainProportion, c.Split.TrainProportion);
        In(ExperimentBounds.Repeats, c.Repeats);
        In(ExperimentBounds.Threads, c.Threads);
        if (c.Split.ByTime is { } byTime && byTime.TestFromDate is null)
        {
            Fail("split.by_time.test_from", $"'{byTime.TestFrom}' is not a date; allowed: yyyy-MM-dd");
        }
        OneOf("model", c.Model);
        foreach (var (key, problem) in c.Threshold.Problems())
        {
            Fail(key.Length == 0 ? "threshold" : $"threshold.{key}", problem);
        }
        var boosting = c.GradientBoosting;
        In(ExperimentBounds.BoostingLeaves, boosting.NumLeaves);
        In(ExperimentBounds.BoostingIterations, boosting.Iterations);
        In(ExperimentBounds.BoostingLearningRate, boosting.LearningRate);
        In(ExperimentBounds.BoostingMinDataInLeaf, boosting.MinDataInLeaf);
        In(ExperimentBounds.BoostingSeed, boosting.Seed);
        In(ExperimentBounds.BoostingThreads, boosting.Threads);
        foreach (var (key, problem) in c.GradientBoosting.Problems())
        {
            Fail($"gradient_boosting.{key}", problem);
        }
    }
}
