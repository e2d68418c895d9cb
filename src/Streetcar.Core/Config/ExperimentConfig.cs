namespace Streetcar.Core.Config;

/// <summary>
/// One experiment of chapter 6, resolved: the YAML of <c>experiments/&lt;name&gt;.yml</c> merged key by key
/// over its base file (see <see cref="ExperimentConfigLoader"/>). Defaults are the book's. Keys are snake_case
/// in YAML and JSON (<c>LearningRate</c> is <c>learning_rate</c>).
/// </summary>
public sealed record ExperimentConfig
{
    /// <summary>File this one overrides, relative to its folder (YAML key <c>base</c>); null once resolved.</summary>
    public string? Base { get; init; }

    /// <summary>Experiment name; the loader sets it from the file name when the YAML leaves it empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>Free text for people; never part of a cache key.</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// Which model the experiment trains (default <c>network</c>). With <c>gradient_boosting</c> only
    /// <see cref="GradientBoosting"/>, the split, <see cref="Threshold"/> and the repeat keys apply; the network's
    /// keys are ignored.
    /// </summary>
    public ModelKind Model { get; init; } = ModelKind.Network;

    /// <summary>Options of the gradient-boosting model (<c>model: gradient_boosting</c>); defaults and ranges on the record.</summary>
    public GradientBoostingOptions GradientBoosting { get; init; } = new();

    /// <summary>SGD learning rate (book: 0.001). Must be &gt; 0.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>Dropout after each column's batch normalization (book: 0.0003). In [0, 1).</summary>
    public double DropoutRate { get; init; } = 0.0003;

    /// <summary>
    /// The book's L2 factor (0.0003). It only regularises the book's text branch, which this model does not
    /// have: kept for fidelity, applied nowhere.
    /// </summary>
    public double L2Lambda { get; init; } = 0.0003;

    /// <summary>Loss function (default and only value <c>binary_crossentropy</c>).</summary>
    public LossFunction Loss { get; init; } = LossFunction.BinaryCrossentropy;

    /// <summary>Output activation (default <c>hard_sigmoid</c>, the book's).</summary>
    public Activation OutputActivation { get; init; } = Activation.HardSigmoid;

    /// <summary>Rows per SGD step (book: 1000).</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Maximum number of epochs (book: 50).</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>Early stopping and best-epoch checkpointing.</summary>
    public EarlyStoppingConfig EarlyStopping { get; init; } = new();

    /// <summary>Class weight of label 0 (book: 1.0).</summary>
    public double ZeroWeight { get; init; } = 1.0;

    /// <summary>Added to the balanced weight of label 1 (book: 0); only with <c>weighting: balanced</c>.</summary>
    public double OneWeightOffset { get; init; }

    /// <summary>Weight of label 1 (default <c>none</c>); see <see cref="ClassWeighting"/>.</summary>
    public ClassWeighting Weighting { get; init; } = ClassWeighting.None;

    /// <summary>Widths of optional ReLU dense layers between the embeddings and the output (book: none).</summary>
    public int[] HiddenLayers { get; init; } = [];

    /// <summary>
    /// Decision threshold: P(delay) at or above it counts as a delay. A number in (0, 1) (book: 0.5), or a rule
    /// chosen on the validation split (<c>{choose: target_recall, value: 0.85}</c>, <c>{choose: max_f1}</c>,
    /// <c>{choose: youden}</c>) and then applied to the test split. Read by Evaluate only.
    /// </summary>
    public ThresholdRule Threshold { get; init; } = ThresholdRule.Fixed(0.5);

    /// <summary>Write TensorBoard event files; never part of a cache key.</summary>
    public bool Tensorboard { get; init; }

    /// <summary>Seeds of the torch generator, the epoch shuffles and the data split.</summary>
    public SeedsConfig Seeds { get; init; } = new();

    /// <summary>
    /// How many times the experiment is trained, each repeat with its own seeds (<see cref="RepeatSeeds"/>), so
    /// that the report can show how much a result moves with the seed alone. 1: once, with <see cref="Seeds"/>.
    /// </summary>
    public int Repeats { get; init; } = 1;

    /// <summary>
    /// Whether each repeat also draws its own split. Off (default): every repeat is scored on the same test rows,
    /// so experiments can be compared repeat by repeat (a paired comparison).
    /// </summary>
    public bool RepeatSplit { get; init; }

    /// <summary>Proportions of the data split (used by Prepare).</summary>
    public SplitConfig Split { get; init; } = new();

    /// <summary>
    /// Intra-op threads of libtorch, pinned so runs repeat bit for bit (a thread count changes the order of
    /// floating-point reductions). Default 1: measured deterministic and no slower at this batch size.
    /// </summary>
    public int Threads { get; init; } = 1;
}
