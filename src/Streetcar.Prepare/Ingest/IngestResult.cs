namespace Streetcar.Prepare.Ingest;

/// <summary>All incidents of all workbooks, in order, plus each workbook's sheet counts.</summary>
public sealed record IngestResult(IReadOnlyList<WorkbookContent> Workbooks, IReadOnlyList<RawIncident> Rows);
