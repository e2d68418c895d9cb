namespace Streetcar.Core.Config;

/// <summary>
/// The bounds of every numeric key of an experiment. The upper ends are far beyond any sensible run but keep a
/// typo (<c>epochs: 100000000</c>, <c>learning_rate: 1e300</c>) from running for days or failing later without
/// naming the key. <c>experiments/_base.yml</c> states each one in a comment, tested against this list.
/// </summary>
public static class ExperimentBounds
{
    /// <summary>Largest seed: fits every generator API the seeds reach (torch, SplitMix64, the split).</summary>
    public const double MaxSeed = int.MaxValue;

    public static NumericBound LearningRate { get; } = new("learning_rate", 0, 10, MinOpen: true);
    public static NumericBound DropoutRate { get; } = new("dropout_rate", 0, 1, MaxOpen: true);
    public static NumericBound L2Lambda { get; } = new("l2_lambda", 0, 1);
    public static NumericBound BatchSize { get; } = new("batch_size", 1, 10_000_000, Integer: true);
    public static NumericBound Epochs { get; } = new("epochs", 1, 10_000, Integer: true);
    public static NumericBound Patience { get; } = new("early_stopping.patience", 1, 10_000, Integer: true);
    public static NumericBound ZeroWeight { get; } = new("zero_weight", 0, 1000, MinOpen: true);
    public static NumericBound OneWeightOffset { get; } = new("one_weight_offset", -1000, 1000);
    public static NumericBound HiddenLayerWidth { get; } = new("hidden_layers", 1, 4096, Integer: true);
    public static NumericBound Threshold { get; } = new("threshold", 0, 1, MinOpen: true, MaxOpen: true);
    public static NumericBound TorchSeed { get; } = new("seeds.torch", 0, MaxSeed, Integer: true);
    public static NumericBound ShuffleSeed { get; } = new("seeds.shuffle", 0, MaxSeed, Integer: true);
    public static NumericBound SplitSeed { get; } = new("seeds.split", 0, MaxSeed, Integer: true);
    public static NumericBound TestProportion { get; } = new("split.test_proportion", 0, 1, MinOpen: true, MaxOpen: true);
    public static NumericBound TrainProportion { get; } = new("split.train_proportion", 0, 1, MinOpen: true, MaxOpen: true);
    public static NumericBound Repeats { get; } = new("repeats", 1, RepeatSeeds.MaxRepeats, Integer: true);
    public static NumericBound Threads { get; } = new("threads", 1, 64, Integer: true);
    public static NumericBound BoostingLeaves { get; } = new("gradient_boosting.num_leaves", 2, 4096, Integer: true);
    public static NumericBound BoostingIterations { get; } = new("gradient_boosting.iterations", 1, 10_000, Integer: true);
    public static NumericBound BoostingLearningRate { get; } = new("gradient_boosting.learning_rate", 0, 1, MinOpen: true);
    public static NumericBound BoostingMinDataInLeaf { get; } = new("gradient_boosting.min_data_in_leaf", 1, 10_000_000, Integer: true);
    // LightGBM takes a 32-bit seed; one below int.MaxValue so that one past the bound still reads as a number.
    public static NumericBound BoostingSeed { get; } = new("gradient_boosting.seed", 0, int.MaxValue - 1, Integer: true);
    public static NumericBound BoostingThreads { get; } = new("gradient_boosting.threads", 1, 64, Integer: true);

    /// <summary>Most hidden layers an experiment may list.</summary>
    public const int MaxHiddenLayers = 8;

    /// <summary>Every bound above, in the order of <c>_base.yml</c>.</summary>
    public static IReadOnlyList<NumericBound> All { get; } =
    [
        LearningRate, DropoutRate, L2Lambda, BatchSize, Epochs, Patience, ZeroWeight, OneWeightOffset, HiddenLayerWidth,
        Threshold, TorchSeed, ShuffleSeed, SplitSeed, TestProportion, TrainProportion, Repeats, Threads,
        BoostingLeaves, BoostingIterations, BoostingLearningRate, BoostingMinDataInLeaf, BoostingSeed, BoostingThreads,
    ];
}
