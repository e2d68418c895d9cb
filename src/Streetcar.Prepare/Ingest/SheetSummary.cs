namespace Streetcar.Prepare.Ingest;

/// <summary>One sheet's counts and the layout quirks seen in it.</summary>
/// <param name="Sheet">Sheet name as stored (trailing spaces included); a CSV file's name.</param>
/// <param name="Rows">Incident rows read.</param>
/// <param name="EmptyRowsSkipped">Fully empty rows skipped (the 2017–2018 trailing ones).</param>
/// <param name="DelayGapRenamed">The sheet names its delay columns <c>Delay</c>/<c>Gap</c> (2019).</param>
/// <param name="HasIncidentId">The sheet has the extra <c>Incident ID</c> column (ignored).</param>
/// <param name="FullDateTimeTimeCells">Time cells holding a full date-time rather than a time of day.</param>
/// <param name="IsEmpty">The sheet has no rows at all (not even a header) and was skipped.</param>
/// <param name="NewerSchema">The sheet uses the newer schema (<c>Date, Line, …, Bound, Vehicle</c>).</param>
public sealed record SheetSummary(
    string Sheet, int Rows, int EmptyRowsSkipped, bool DelayGapRenamed, bool HasIncidentId, int FullDateTimeTimeCells,
    bool IsEmpty = false, bool NewerSchema = false);
