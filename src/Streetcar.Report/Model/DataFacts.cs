namespace Streetcar.Report.Model;

/// <summary>A pinned raw workbook.</summary>
public sealed record WorkbookPin(string File, string Sha256);

/// <summary>A data-quality count found by Prepare (duplicate rows, incidents dropped, ...).</summary>
public sealed record QualityNote(string What, long Count);

/// <summary>
/// The data section of the report: where the data came from and what Prepare made of it. <c>Vintage</c>, when
/// known, names the raw data's vintage (its id and whether it is the pinned one).
/// </summary>
public sealed record DataFacts(
    IReadOnlyList<WorkbookPin> Workbooks,
    string ReshapeMode,
    long RawRows,
    long CleanRows,
    long GridSlots,
    long DatasetRows,
    long Delays,
    long NoDelays,
    long TrainRows,
    long ValidRows,
    long TestRows,
    IReadOnlyList<QualityNote> Notes,
    string? Vintage = null)
{
    /// <summary>Records after cleaning, by year (what the book prints per year).</summary>
    public IReadOnlyDictionary<int, int> CleanRowsByYear { get; init; } = new Dictionary<int, int>();

    /// <summary>Distinct locations after the book's location rule; null when not known.</summary>
    public int? DistinctLocations { get; init; }
}
