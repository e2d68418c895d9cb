using Streetcar.Cli.Models;
using Streetcar.Cli.Models.Boosting;
using Streetcar.Cli.Models.Network;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// The pipeline's stages in flow order: fetch → grid → split → (the model kind's stages) → evaluate → report.
/// The engine's stages (split, each kind's, evaluate) are types wired only by their inputs; the graph of a run is
/// derived from them (<see cref="ModelKinds.GraphOf"/>). Fetch, grid and report run outside the engine and are
/// listed here so that `streetcar stages` shows the whole flow.
/// </summary>
public static class StageTable
{
    /// <summary>The root every graph starts from: the grid, built by prepare before planning.</summary>
    public const string GridRoot = "grid";

    public static readonly StageDefinition Fetch = new("fetch", 1, [], [],
        "data/raw/: the workbooks listed in data/workbooks.sha256, each checked against its pin (not a cache entry)");

    public static readonly StageDefinition Grid = new(GridRoot, Prepare.PrepareStage.Version, ["fetch"], [],
        "ingested, cleaned, reshaped and encoded grid (reads data/prepare.yml and the workbooks, no experiment key)");

    public static readonly SplitStep Split = new();

    public static readonly EvaluateStep Evaluate = new();

    /// <summary>The kept model's figures on the validation split alone, for sweeps (<see cref="Sweeps.ValidateStep"/>).</summary>
    public static readonly Sweeps.ValidateStep Validate = new();

    public static readonly StageDefinition Report = new("report", 1, ["evaluate"], [],
        "results/report.md, results/metrics.json, results/plots/ (committed, not a cache entry)");

    /// <summary>The network's trajectory (<see cref="NetworkKind"/>).</summary>
    public static TrajectoryStep Trajectory => NetworkKind.Trajectory;

    /// <summary>The network's model folder.</summary>
    public static TrainStep Train => NetworkKind.Train;

    /// <summary>The boosting model folder (<see cref="BoostingKind"/>).</summary>
    public static BoostingStep TrainBoosting => BoostingKind.Train;

    /// <summary>Every engine stage once, in flow order over the kinds' graphs.</summary>
    public static IReadOnlyList<IStage> EngineStages =>
        ModelKinds.AllGraphs.SelectMany(g => g.Graph.Stages).DistinctBy(s => s.Id)
            .OrderBy(s => s == Split ? 0 : s == Evaluate ? 2 : s == Validate ? 3 : 1).ToArray();

    /// <summary>The stage a job file names.</summary>
    public static IStage ById(string id) => EngineStages.FirstOrDefault(s => s.Id == id)
        ?? throw new Core.Errors.PipelineException($"no stage '{id}' (known: {string.Join(", ", EngineStages.Select(s => s.Id))})", Core.Errors.ExitCodes.Usage);

    /// <summary>
    /// The keys of repetition, read by the planner (how many runs, and their seeds) and by no stage: each run's
    /// config holds one repeat and its own seeds, so raising <c>repeats</c> adds runs without changing the others' keys.
    /// </summary>
    public static IReadOnlyList<string> RepeatKeys { get; } = ["repeat_split", "repeats"];

    /// <summary>The keys of the stopping rule: read by Train when it derives a model, never by Trajectory.</summary>
    public static IReadOnlyList<string> StoppingKeys { get; } = ["early_stopping", "epochs"];
}
