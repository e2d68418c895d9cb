using Streetcar.Core.Errors;

namespace Streetcar.Core.Config;

/// <summary>Range checks of a resolved <see cref="ExperimentConfig"/>; the first violation is a <see cref="ConfigException"/>.</summary>
public static class ExperimentConfigValidator
{
    /// <summary>Throws on the first out-of-range value; <paramref name="fileOf"/> maps a dotted key to its file.</summary>
    public static void Validate(ExperimentConfig c, Func<string, string> fileOf)
    {
        void Fail(string key, string problem) => throw new ConfigException(fileOf(key), key, problem);
        void Positive(string key, double v)
        {
            if (!(v > 0) || double.IsInfinity(v)) Fail(key, $"must be a finite number > 0, got {Show(v)}");
        }
        void OpenUnit(string key, double v)
        {
            if (!(v > 0 && v < 1)) Fail(key, $"must be in (0, 1), got {Show(v)}");
        }
        // The YAML reader only produces members; this catches a record built in code with a cast number.
        void OneOf<T>(string key, T v) where T : struct, Enum
        {
            if (!Enum.IsDefined(v)) Fail(key, ConfigEnum.NotAllowed(typeof(T), v.ToString()));
        }

        Positive("learning_rate", c.LearningRate);
        if (!(c.DropoutRate >= 0 && c.DropoutRate < 1)) Fail("dropout_rate", $"must be in [0, 1), got {Show(c.DropoutRate)}");
        if (!(c.L2Lambda >= 0) || double.IsInfinity(c.L2Lambda)) Fail("l2_lambda", $"must be a finite number >= 0, got {Show(c.L2Lambda)}");
        OneOf("loss", c.Loss);
        OneOf("output_activation", c.OutputActivation);
        if (c.BatchSize <= 0) Fail("batch_size", $"must be a positive integer, got {c.BatchSize}");
        if (c.Epochs <= 0) Fail("epochs", $"must be a positive integer, got {c.Epochs}");
        OneOf("early_stopping.monitor", c.EarlyStopping.Monitor);
        OneOf("early_stopping.mode", c.EarlyStopping.Mode);
        if (MonitorMetrics.Direction(c.EarlyStopping.Monitor) is { } direction && direction != c.EarlyStopping.Mode)
        {
            // A ranking monitor watched in the wrong direction would keep the worst epoch without a word.
            Fail("early_stopping.mode", $"{ConfigEnum.Name(c.EarlyStopping.Monitor)} improves when it goes {(direction == MonitorMode.Max ? "up" : "down")}: write mode: {ConfigEnum.Name(direction)}");
        }
        if (c.EarlyStopping.Patience <= 0) Fail("early_stopping.patience", $"must be a positive integer, got {c.EarlyStopping.Patience}");
        Positive("zero_weight", c.ZeroWeight);
        OneOf("weighting", c.Weighting);
        if (!double.IsFinite(c.OneWeightOffset)) Fail("one_weight_offset", "must be a finite number");
        if (c.Weighting == ClassWeighting.None && c.OneWeightOffset != 0)
        {
            Fail("one_weight_offset", $"only applies with weighting: {ConfigEnum.Name(ClassWeighting.Balanced)}; must be 0 with weighting: {ConfigEnum.Name(ClassWeighting.None)}");
        }
        for (var i = 0; i < c.HiddenLayers.Length; i++)
        {
            if (c.HiddenLayers[i] <= 0) Fail("hidden_layers", $"widths must be positive integers, item {i} is {c.HiddenLayers[i]}");
        }
        OneOf("model", c.Model);
        foreach (var (key, problem) in c.Threshold.Problems())
        {
            Fail(key.Length == 0 ? "threshold" : $"threshold.{key}", problem);
        }
        foreach (var (key, problem) in c.GradientBoosting.Problems())
        {
            Fail($"gradient_boosting.{key}", problem);
        }
        if (c.Seeds.Torch < 0) Fail("seeds.torch", "must be >= 0");
        if (c.Seeds.Shuffle < 0) Fail("seeds.shuffle", "must be >= 0");
        if (c.Seeds.Split < 0) Fail("seeds.split", "must be >= 0");
        OpenUnit("split.test_proportion", c.Split.TestProportion);
        OpenUnit("split.train_proportion", c.Split.TrainProportion);
        if (c.Repeats is < 1 or > RepeatSeeds.MaxRepeats) Fail("repeats", $"must be an integer in 1 .. {RepeatSeeds.MaxRepeats}, got {c.Repeats}");
        if (c.Threads is < 1 or > 64) Fail("threads", $"must be an integer in 1 .. 64, got {c.Threads}");
    }

    private static string Show(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
