namespace Streetcar.Report.Statistics;

/// <summary>A comparison to make: <see cref="Candidate"/> against <see cref="Baseline"/> (difference = candidate − baseline).</summary>
public sealed record ExperimentPair(string Baseline, string Candidate)
{
    /// <summary>The default family: each experiment against the one before it in the series.</summary>
    public static IReadOnlyList<ExperimentPair> Consecutive(IReadOnlyList<string> series) =>
        [.. series.Zip(series.Skip(1), (previous, next) => new ExperimentPair(previous, next))];
}
