namespace Streetcar.Pipeline.Ledger;

/// <summary>One run (an experiment's repeat) in a ledger.</summary>
/// <param name="Label">The run (<c>exp3#2</c>).</param>
/// <param name="Experiment">Its experiment.</param>
/// <param name="Keys">Every stage's full key, by stage name.</param>
/// <param name="Jobs">The jobs of this run its result depended on (none: everything was cached).</param>
/// <param name="Outcome">"cached", "built", "failed" or "skipped".</param>
/// <param name="Failure">Why it failed, or null.</param>
public sealed record LedgerRun(string Label, string Experiment, IReadOnlyDictionary<string, string> Keys, IReadOnlyList<string> Jobs, string Outcome, string? Failure);
