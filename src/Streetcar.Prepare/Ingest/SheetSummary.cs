namespace Streetcar.Prepare.Ingest;

/// <summary>One sheet's counts: incident rows read and fully empty rows skipped.</summary>
public sealed record SheetSummary(string Sheet, int Rows, int EmptyRowsSkipped);
