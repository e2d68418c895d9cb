using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Output;

/// <summary>
/// What ingest saw: sheets, rows and the known layout quirks. The last five are the data-quality notes of the
/// republished and newer files (empty sheets, rows repeated across sheets, rows outside the file name's year, sheets
/// in the newer schema, rows dropped for an empty or unparseable Report Date or Time, with
/// <see cref="UnreadableRowSamples"/> naming the first few); all are 0 for the pinned 2014–2019 vintage.
/// </summary>
public sealed record IngestSummary(
    int Workbooks,
    int Sheets,
    int Rows,
    int EmptyRowsSkipped,
    int SheetsWithDelayGapNames,
    int SheetsWithIncidentId,
    int SheetNamesWithTrailingSpaces,
    int TimeCellsWithFullDateTime,
    int EmptySheetsSkipped = 0,
    int RowsRepeatedAcrossSheets = 0,
    int RowsOutsideFileYear = 0,
    int SheetsWithNewerSchema = 0,
    int RowsUnreadable = 0)
{
    /// <summary>How many dropped rows <see cref="UnreadableRowSamples"/> names at most.</summary>
    public const int SampleSize = 5;

    /// <summary>The first dropped rows (file, sheet, row and what is wrong), in file, sheet and row order.</summary>
    public IReadOnlyList<string> UnreadableRowSamples { get; init; } = [];

    /// <summary>Summarises <paramref name="result"/>.</summary>
    public static IngestSummary Of(IngestResult result)
    {
        var sheets = result.Workbooks.SelectMany(w => w.Sheets).ToArray();
        return new IngestSummary(
            result.Workbooks.Count,
            sheets.Length,
            result.Rows.Count,
            sheets.Sum(s => s.EmptyRowsSkipped),
            sheets.Count(s => s.DelayGapRenamed),
            sheets.Count(s => s.HasIncidentId),
            sheets.Count(s => s.Sheet != s.Sheet.TrimEnd()),
            sheets.Sum(s => s.FullDateTimeTimeCells),
            sheets.Count(s => s.IsEmpty),
            result.Workbooks.Sum(w => w.RowsRepeatedAcrossSheets),
            result.Workbooks.Sum(w => w.RowsOutsideFileYear),
            sheets.Count(s => s.NewerSchema),
            result.Workbooks.Sum(w => w.UnreadableRows.Count))
        {
            UnreadableRowSamples = result.Workbooks.SelectMany(w => w.UnreadableRows).Take(SampleSize).Select(f => f.ToString()).ToArray(),
        };
    }
}
