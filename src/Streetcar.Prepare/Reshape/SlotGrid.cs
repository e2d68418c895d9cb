using Streetcar.Prepare.Config;

namespace Streetcar.Prepare.Reshape;

/// <summary>
/// The reshaped dataset in columnar form (the hot path: ~3M rows, so plain arrays, not a DataFrame). Row r is day
/// <c>Start + DayIndex[r]</c>, the pair <c>Pairs[PairIndex[r]]</c> of the route/direction table, hour <c>Hour[r]</c>
/// and target <c>Label[r]</c> (1 = delay).
/// </summary>
public sealed record SlotGrid(
    DateOnly Start,
    int Days,
    IReadOnlyList<RouteDirection> Pairs,
    int[] DayIndex,
    byte[] PairIndex,
    byte[] Hour,
    byte[] Label)
{
    /// <summary>Number of rows.</summary>
    public int Rows => Label.Length;

    /// <summary>The date of row <paramref name="row"/>.</summary>
    public DateOnly DateOf(int row) => Start.AddDays(DayIndex[row]);
}
