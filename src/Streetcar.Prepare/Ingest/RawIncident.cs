namespace Streetcar.Prepare.Ingest;

/// <summary>
/// One incident row as read from a workbook, before cleaning. Text fields are null when the cell is empty;
/// <see cref="Route"/> and <see cref="Vehicle"/> hold numbers as integer text ("501"), as the book's
/// <c>astype(str)</c> sees them.
/// </summary>
/// <param name="Source">Workbook file name, sheet name and 1-based sheet row, for error messages.</param>
/// <param name="ReportDate">The incident's date.</param>
/// <param name="Hour">Hour of the day (0–23) of the <c>Time</c> cell.</param>
/// <param name="Route">Route cell as text.</param>
/// <param name="Day">Weekday name cell.</param>
/// <param name="Location">Free-text location.</param>
/// <param name="Incident">Incident category.</param>
/// <param name="MinDelay">Minutes of delay (<c>Min Delay</c> or 2019's <c>Delay</c>); null when empty.</param>
/// <param name="MinGap">Minutes of gap (<c>Min Gap</c> or 2019's <c>Gap</c>); null when empty.</param>
/// <param name="Direction">Direction cell as entered (e.g. "E/B", "eastbound").</param>
/// <param name="Vehicle">Vehicle number cell as text.</param>
public sealed record RawIncident(
    RowSource Source,
    DateOnly ReportDate,
    int Hour,
    string? Route,
    string? Day,
    string? Location,
    string? Incident,
    double? MinDelay,
    double? MinGap,
    string? Direction,
    string? Vehicle);
