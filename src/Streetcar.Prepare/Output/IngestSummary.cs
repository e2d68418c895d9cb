using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Output;

/// <summary>What ingest saw: sheets, rows and the known layout quirks.</summary>
public sealed record IngestSummary(
    int Workbooks,
    int Sheets,
    int Rows,
    int EmptyRowsSkipped,
    int SheetsWithDelayGapNames,
    int SheetsWithIncidentId,
    int SheetNamesWithTrailingSpaces,
    int TimeCellsWithFullDateTime)
{
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
            sheets.Sum(s => s.FullDateTimeTimeCells));
    }
}
