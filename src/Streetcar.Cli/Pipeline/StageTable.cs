using Streetcar.Train.Trajectories;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// The pipeline's stages, declared once, in flow order: fetch → grid → split → trajectory → train → evaluate →
/// report. <see cref="PipelineEngine"/> runs them (cache lookup, --force, failures, parallel jobs) and the Cake
/// targets call the verbs that run them; `streetcar stages` prints this table.
/// </summary>
public static class StageTable
{
    public static readonly StageDefinition Fetch = new("fetch", 1, [], [],
        "data/raw/: the workbooks listed in data/workbooks.sha256, each checked against its pin (not a cache entry)");

    public static readonly StageDefinition Grid = new("grid", Prepare.PrepareStage.Version, ["fetch"], [],
        "ingested, cleaned, reshaped and encoded grid (reads data/prepare.yml and the workbooks, no experiment key)");

    public static readonly StageDefinition Split = new("split", Prepare.PrepareStage.Version, ["grid"], ["seeds.split", "split"],
        "train/validation/test splits and their encoders");

    /// <summary>
    /// Every key that shapes what SGD does from epoch to epoch; not the stopping rule (epochs, early_stopping),
    /// so experiments that differ only in when they stop share one trajectory.
    /// </summary>
    public static readonly StageDefinition Trajectory = new("trajectory", TrajectoryStage.Version, ["split"],
        ["batch_size", "dropout_rate", "hidden_layers", "l2_lambda", "learning_rate", "loss", "one_weight_offset",
         "output_activation", "seeds.shuffle", "seeds.torch", "threads", "weighting", "zero_weight"],
        "per-epoch metrics and weights of one training trajectory, resumable");

    /// <summary>
    /// The model folder: the stopping rule applied to a trajectory prefix. It stores the whole resolved config
    /// (scoring reads its threshold), so its key holds every key; deriving it takes milliseconds, not training.
    /// </summary>
    public static readonly StageDefinition Train = new("train", Streetcar.Train.TrainStage.Version, ["trajectory", "split"], [StageDefinition.EveryKey],
        "self-contained model folder: the kept epoch's weights, encoders, config, history");

    /// <summary>
    /// The model folder of a <c>model: gradient_boosting</c> experiment: a LightGBM fit on the split, with no
    /// trajectory. Same cache folder (and --force) as <see cref="Train"/>; it reads only the boosting options (their
    /// seed derived per repeat), never the threshold, so a new threshold rule re-evaluates without refitting.
    /// </summary>
    public static readonly StageDefinition TrainBoosting = new("train", Boosting.GradientBoosting.Version, ["split"], ["gradient_boosting", "model"],
        "for model: gradient_boosting, instead of trajectory + train: self-contained boosting model folder (LightGBM model, encoders, options, fit facts)");

    public static readonly StageDefinition Evaluate = new("evaluate", Streetcar.Evaluate.EvaluateStage.Version, ["train", "split"], ["threshold"],
        "metrics of the kept model on every split");

    public static readonly StageDefinition Report = new("report", 1, ["evaluate"], [],
        "results/report.md, results/metrics.json, results/plots/ (committed, not a cache entry)");

    /// <summary>Every stage, in flow order.</summary>
    public static IReadOnlyList<StageDefinition> All { get; } = [Fetch, Grid, Split, Trajectory, Train, TrainBoosting, Evaluate, Report];

    /// <summary>
    /// The keys of repetition, read by the planner (how many runs, and their seeds) and by no stage: each run's
    /// config holds one repeat and its own seeds, so raising <c>repeats</c> adds runs without changing the others' keys.
    /// </summary>
    public static IReadOnlyList<string> RepeatKeys { get; } = ["repeat_split", "repeats"];

    /// <summary>The keys of the stopping rule: read by Train when it derives a model, never by Trajectory.</summary>
    public static IReadOnlyList<string> StoppingKeys { get; } = ["early_stopping", "epochs"];
}
