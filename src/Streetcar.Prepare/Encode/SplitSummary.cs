namespace Streetcar.Prepare.Encode;

/// <summary>How the grid was split: the parameters, the sizes and the delays in each split.</summary>
public sealed record SplitSummary(
    ulong Seed,
    double TestProportion,
    double TrainProportion,
    int TrainRows,
    int ValidRows,
    int TestRows,
    int TrainDelays,
    int ValidDelays,
    int TestDelays)
{
    /// <summary>The out-of-time split's first test day (<c>yyyy-MM-dd</c>); null for the random split.</summary>
    public string? TestFrom { get; init; }

    /// <summary>The out-of-time split's last test day (<c>yyyy-MM-dd</c>): the grid's last day with a record; null for the random split.</summary>
    public string? TestUntil { get; init; }

    /// <summary>Grid rows after <see cref="TestUntil"/> (days with no record at all), in no split (out-of-time split).</summary>
    public int TestRowsAfterLastRecord { get; init; }

    /// <summary>Test rows whose year no training row has, coded as <see cref="UnseenYearsCodedAs"/> (out-of-time split).</summary>
    public int TestRowsWithUnseenYear { get; init; }

    /// <summary>The latest year training saw, which unseen test years are coded as; null when none was unseen.</summary>
    public string? UnseenYearsCodedAs { get; init; }
}
