namespace Streetcar.Testing;

/// <summary>Sheet contents in the TTC layout, for ingest tests.</summary>
public static class Sheets
{
    public static readonly object?[] Header =
        ["Report Date", "Route", "Time", "Day", "Location", "Incident", "Min Delay", "Min Gap", "Direction", "Vehicle"];

    public static object?[] Row(DateTime date, double route, TimeSpan time, string location, double? delay, string direction, double? vehicle) =>
        [date, route, time, date.DayOfWeek.ToString(), location, "Mechanical", delay, 10.0, direction, vehicle];
}
