namespace Streetcar.Prepare.Ingest;

/// <summary>One sheet as read: its summary, its rows and each row's time of day (part of a row's identity).</summary>
internal sealed record SheetRows(SheetSummary Summary, IReadOnlyList<RawIncident> Rows, IReadOnlyList<TimeSpan> Times);
