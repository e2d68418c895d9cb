namespace Streetcar.Prepare.Ingest;

/// <summary>The incidents of one workbook, in sheet and row order, with per-sheet counts.</summary>
public sealed record WorkbookContent(string File, IReadOnlyList<SheetSummary> Sheets, IReadOnlyList<RawIncident> Rows);
