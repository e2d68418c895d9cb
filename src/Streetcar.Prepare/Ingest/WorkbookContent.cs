namespace Streetcar.Prepare.Ingest;

/// <summary>The incidents of one workbook, in sheet and row order, with per-sheet counts.</summary>
/// <param name="File">File name.</param>
/// <param name="Sheets">Every sheet, empty ones included.</param>
/// <param name="Rows">The incidents, each record counted once across sheets.</param>
/// <param name="RowsRepeatedAcrossSheets">Rows dropped because an earlier sheet of the workbook already held them.</param>
/// <param name="RowsOutsideFileYear">Rows dated outside the year in the file name (kept; a data-quality note).</param>
/// <param name="UnreadableRows">Rows dropped because their Report Date or Time is empty or unparseable, in sheet and row order.</param>
public sealed record WorkbookContent(
    string File, IReadOnlyList<SheetSummary> Sheets, IReadOnlyList<RawIncident> Rows,
    int RowsRepeatedAcrossSheets = 0, int RowsOutsideFileYear = 0, IReadOnlyList<RowFault>? UnreadableRows = null)
{
    /// <summary>The rows dropped for an empty or unparseable required cell (none when not given).</summary>
    public IReadOnlyList<RowFault> UnreadableRows { get; init; } = UnreadableRows ?? [];
}
