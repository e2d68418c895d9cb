namespace Streetcar.Report.Model;

/// <summary>One experiment in the recommendation's ranking.</summary>
/// <param name="ValidMean">Mean over its repeats of the primary metric on validation (collapsed repeats included:
/// a recipe that collapses is worse to deploy, since retraining it can collapse again).</param>
/// <param name="Repeats">Repeats averaged.</param>
public sealed record RankedExperiment(string Name, double ValidMean, int Repeats);
