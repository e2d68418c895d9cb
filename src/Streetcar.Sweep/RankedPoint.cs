namespace Streetcar.Sweep;

/// <summary>A point's place in a round's ranking.</summary>
/// <param name="Name">The point.</param>
/// <param name="Mean">Mean of the selection metric over its repeats (validation).</param>
/// <param name="Low">Lower end of the 95 % Student-t interval of that mean (NaN with one repeat).</param>
/// <param name="High">Upper end.</param>
/// <param name="Score">What ranks it: the mean, or the interval end that is worse for the metric.</param>
/// <param name="Rank">1-based; equal scores are ranked by name, so the order never depends on the schedule.</param>
public sealed record RankedPoint(string Name, double Mean, double Low, double High, double Score, int Rank);
