using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Clean;

/// <summary>An incident after the book's cleaning rules; categorical values are never null.</summary>
public sealed record CleanIncident(
    RowSource Source,
    DateOnly ReportDate,
    int Hour,
    string Route,
    string Direction,
    string Vehicle,
    string Location,
    string Incident,
    string Day,
    double MinDelay,
    double MinGap)
{
    /// <summary>True when route, direction or vehicle is one of the "bad" tokens.</summary>
    public bool IsBad =>
        Route == CleanTokens.BadRoute || Direction == CleanTokens.BadDirection || Vehicle == CleanTokens.BadVehicle;
}
