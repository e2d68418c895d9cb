using Streetcar.Evaluate;

namespace Streetcar.Report.Model;

/// <summary>One epoch of training history as the report plots it.</summary>
public sealed record EpochPoint(int Epoch, double Loss, double Accuracy, double ValLoss, double ValAccuracy);

/// <summary>Everything the report shows of one experiment; <see cref="Error"/> is set when it failed.</summary>
/// <param name="Name">Experiment name (file name without .yml).</param>
/// <param name="Changes">What the experiment changes, in words (early stopping, weighting, epochs).</param>
/// <param name="ConfigHash">Short hash of the resolved config (the Train cache key's prefix).</param>
/// <param name="ChosenModel">"best" or "final".</param>
/// <param name="BestEpoch">Epoch of the best checkpoint (1-based), when early stopping is on.</param>
public sealed record ExperimentOutcome(
    string Name,
    string Changes,
    string ConfigHash,
    int EpochsRun,
    int MaxEpochs,
    string ChosenModel,
    int? BestEpoch,
    IReadOnlyList<EpochPoint> History,
    EvaluationResult? Evaluation,
    string? Error)
{
    /// <summary>Every repeat, repeat 1 first; the fields above describe <see cref="ServingRepeat"/>.</summary>
    public IReadOnlyList<RepeatOutcome> Repeats { get; init; } = [];

    /// <summary>The repeat whose model the plots show and scoring uses (see the report's note on the rule).</summary>
    public int ServingRepeat { get; init; } = 1;

    /// <summary>
    /// The test period of an out-of-time split ("from 2019-01-01"); null for the book's random split, whose test rows
    /// come from every year.
    /// </summary>
    public string? TestPeriod { get; init; }

    /// <summary>The serving repeat's test ROC and PR curves (from its evaluation), when recorded.</summary>
    public CurveSeries? Curves { get; init; }

    /// <summary>An experiment that failed before it could be evaluated.</summary>
    public static ExperimentOutcome Failed(string name, string changes, string configHash, int maxEpochs, string error) =>
        new(name, changes, configHash, 0, maxEpochs, "-", null, [], null, error);
}

/// <summary>A one-off scoring sanity check (the book's section 6.9).</summary>
/// <param name="Probability">The model's raw score (what the threshold applies to; not a chance of a delay when the
/// classes were weighted in training).</param>
public sealed record SanityTrip(string Description, string Experiment, double Probability, bool PredictedDelay)
{
    /// <summary>The raw score through the serving model's calibration: the chance of a delay; null when not calibrated.</summary>
    public double? Calibrated { get; init; }
}

/// <summary>All the report is rendered from.</summary>
public sealed record ReportInput(DataFacts Data, IReadOnlyList<ExperimentOutcome> Experiments, IReadOnlyList<SanityTrip> Scoring)
{
    /// <summary>The command line's --repeats when it overrode the configured counts, else null.</summary>
    public int? RepeatsOverride { get; init; }

    /// <summary>
    /// The pairs the differences section tests (baseline, candidate); null: each experiment against the one before it.
    /// </summary>
    public IReadOnlyList<Statistics.ExperimentPair>? Pairs { get; init; }

    /// <summary>How the recommendation judges (<c>experiments/_report.yml</c>).</summary>
    public ReportSettings Settings { get; init; } = new();

    /// <summary>
    /// The recommended experiment's gap on test to the runner-up, with its paired bootstrap interval over test rows;
    /// null when there is none (see <see cref="GapProblem"/>).
    /// </summary>
    public Statistics.TestGap? Gap { get; init; }

    /// <summary>Why there is no <see cref="Gap"/> (one line), when there are two ranked experiments but no gap.</summary>
    public string? GapProblem { get; init; }

    /// <summary>The sweeps (<c>experiments/*.sweep.yml</c>); each chosen point is also among <see cref="Experiments"/>.</summary>
    public IReadOnlyList<Sweeps.SweepSummary> Sweeps { get; init; } = [];
}
