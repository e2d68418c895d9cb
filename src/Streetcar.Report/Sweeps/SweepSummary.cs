namespace Streetcar.Report.Sweeps;

/// <summary>What the report shows of one sweep (<c>experiments/NAME.sweep.yml</c>): its points ranked on validation and the chosen one.</summary>
/// <param name="Name">The sweep's name.</param>
/// <param name="Description">Its description.</param>
/// <param name="Base">The experiment its points override.</param>
/// <param name="Method">"grid of 18 points", "random: 20 of 180 combinations, seed 7".</param>
/// <param name="Metric">The validation metric that ranks the points (<c>val_pr_auc</c>).</param>
/// <param name="By">"mean" or "lower_bound".</param>
/// <param name="Keys">The swept keys and their values, in the file's order.</param>
/// <param name="Points">Every point, best first: those that reached the last round by their final rank, then the others by round.</param>
/// <param name="Chosen">The chosen point's name: the best of the last round, on validation.</param>
/// <param name="Rounds">The rounds (one without halving).</param>
/// <param name="EpochsTrained">Epochs trained over every point and repeat (with halving: far fewer than <paramref name="EpochsFullBudget"/>).</param>
/// <param name="EpochsFullBudget">Epochs the same points would have trained each to the full budget.</param>
public sealed record SweepSummary(
    string Name,
    string Description,
    string Base,
    string Method,
    string Metric,
    string By,
    IReadOnlyList<SweptKey> Keys,
    IReadOnlyList<SweepPointSummary> Points,
    string Chosen,
    IReadOnlyList<SweepRoundSummary> Rounds,
    long EpochsTrained,
    long EpochsFullBudget);

/// <summary>One point of a sweep in the report.</summary>
/// <param name="Name">Its name (<c>SWEEP/key=value,…</c>).</param>
/// <param name="Values">Its value of each swept key, in <see cref="SweepSummary.Keys"/> order, as its name writes them.</param>
/// <param name="Round">The last round it trained in (1-based).</param>
/// <param name="Epochs">Its epoch budget in that round (null for a model without epochs).</param>
/// <param name="Mean">The selection metric's mean over repeats in that round (validation).</param>
/// <param name="Low">The 95 % Student-t interval of that mean (NaN with one repeat).</param>
/// <param name="High">Its upper end.</param>
/// <param name="FirstRoundMean">Its mean in round 1, where every point had the same budget (what the plots compare).</param>
public sealed record SweepPointSummary(string Name, IReadOnlyList<string> Values, int Round, int? Epochs, double Mean, double Low, double High, double FirstRoundMean);

/// <summary>One round: how many points trained, to how many epochs, how many went on.</summary>
public sealed record SweepRoundSummary(int Number, int Points, int? Epochs, int Survivors);

/// <summary>A swept key and its values in the file's order, as points' names write them.</summary>
public sealed record SweptKey(string Key, IReadOnlyList<string> Values);
