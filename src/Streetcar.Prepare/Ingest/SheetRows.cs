namespace Streetcar.Prepare.Ingest;

/// <summary>
/// One sheet as read: its summary, its rows, each row's time of day (part of a row's identity) and the rows dropped
/// for an empty or unparseable required cell.
/// </summary>
internal sealed record SheetRows(SheetSummary Summary, IReadOnlyList<RawIncident> Rows, IReadOnlyList<TimeSpan> Times, IReadOnlyList<RowFault> Faults);
