using Streetcar.Core.Errors;

namespace Streetcar.Core.Config;

/// <summary>Range checks of a resolved <see cref="ExperimentConfig"/>; the first violation is a <see cref="ConfigException"/>.</summary>
public static class ExperimentConfigValidator
{
    /// <summary>Allowed values of <c>output_activation</c>.</summary>
    public static IReadOnlyList<string> Activations { get; } = ["hard_sigmoid", "sigmoid"];

    /// <summary>Allowed values of <c>early_stopping.monitor</c>.</summary>
    public static IReadOnlyList<string> Monitors { get; } = ["val_loss", "val_accuracy", "loss", "accuracy"];

    /// <summary>Allowed values of <c>early_stopping.mode</c>.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["min", "max"];

    /// <summary>Allowed values of <c>weighting</c>.</summary>
    public static IReadOnlyList<string> Weightings { get; } = ["none", "balanced"];

    /// <summary>Allowed values of <c>loss</c>.</summary>
    public static IReadOnlyList<string> Losses { get; } = ["binary_crossentropy"];

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
        void OneOf(string key, string v, IReadOnlyList<string> allowed)
        {
            if (!allowed.Contains(v)) Fail(key, $"'{v}' is not allowed; allowed: {string.Join(" | ", allowed)}");
        }

        Positive("learning_rate", c.LearningRate);
        if (!(c.DropoutRate >= 0 && c.DropoutRate < 1)) Fail("dropout_rate", $"must be in [0, 1), got {Show(c.DropoutRate)}");
        if (!(c.L2Lambda >= 0) || double.IsInfinity(c.L2Lambda)) Fail("l2_lambda", $"must be a finite number >= 0, got {Show(c.L2Lambda)}");
        OneOf("loss", c.Loss, Losses);
        OneOf("output_activation", c.OutputActivation, Activations);
        if (c.BatchSize <= 0) Fail("batch_size", $"must be a positive integer, got {c.BatchSize}");
        if (c.Epochs <= 0) Fail("epochs", $"must be a positive integer, got {c.Epochs}");
        OneOf("early_stopping.monitor", c.EarlyStopping.Monitor, Monitors);
        OneOf("early_stopping.mode", c.EarlyStopping.Mode, Modes);
        if (c.EarlyStopping.Patience <= 0) Fail("early_stopping.patience", $"must be a positive integer, got {c.EarlyStopping.Patience}");
        Positive("zero_weight", c.ZeroWeight);
        OneOf("weighting", c.Weighting, Weightings);
        if (!double.IsFinite(c.OneWeightOffset)) Fail("one_weight_offset", "must be a finite number");
        if (c.Weighting == "none" && c.OneWeightOffset != 0)
        {
            Fail("one_weight_offset", "only applies with weighting: balanced; must be 0 with weighting: none");
        }
        for (var i = 0; i < c.HiddenLayers.Length; i++)
        {
            if (c.HiddenLayers[i] <= 0) Fail("hidden_layers", $"widths must be positive integers, item {i} is {c.HiddenLayers[i]}");
        }
        OpenUnit("threshold", c.Threshold);
        if (c.Seeds.Torch < 0) Fail("seeds.torch", "must be >= 0");
        if (c.Seeds.Shuffle < 0) Fail("seeds.shuffle", "must be >= 0");
        if (c.Seeds.Split < 0) Fail("seeds.split", "must be >= 0");
        OpenUnit("split.test_proportion", c.Split.TestProportion);
        OpenUnit("split.train_proportion", c.Split.TrainProportion);
        if (c.Split.ByTime is { } byTime && byTime.TestFromDate is null)
        {
            Fail("split.by_time.test_from", $"'{byTime.TestFrom}' is not a date; allowed: yyyy-MM-dd");
        }
        if (c.Threads is < 1 or > 64) Fail("threads", $"must be an integer in 1 .. 64, got {c.Threads}");
    }

    private static string Show(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
