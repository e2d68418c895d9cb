using Streetcar.Prepare.Config;
using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Fetch;

/// <summary>The calendar years a Prepare config's dates need (<c>start_date</c>'s year to <c>end_date</c>'s), inclusive.</summary>
public sealed record YearRange(int First, int Last)
{
    /// <summary>The years of <paramref name="config"/>'s grid dates.</summary>
    public static YearRange Of(PrepareConfig config) => new(config.Start.Year, config.End.Year);

    /// <summary>Every year of the range, in order.</summary>
    public IEnumerable<int> Years => Enumerable.Range(First, Last - First + 1);

    /// <summary>
    /// True when the file named <paramref name="fileName"/> is needed: its name's year (or years, "since 2025") meet
    /// the range, or its name has no year (then nothing says it is not).
    /// </summary>
    public bool Needs(string fileName) => FileYear.Overlaps(fileName, First, Last);

    /// <summary>The years of the range that none of <paramref name="fileNames"/> covers.</summary>
    public IReadOnlyList<int> NotCoveredBy(IEnumerable<string> fileNames) => FileYear.Uncovered(Years, fileNames);

    /// <inheritdoc/>
    public override string ToString() => First == Last ? $"{First}" : $"{First}–{Last}";
}
