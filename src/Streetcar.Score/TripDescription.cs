using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Score;

/// <summary>
/// A trip as a person describes it: a route, a direction and the hour slot of a day. Scoring turns it into the
/// model's seven codes (<see cref="TripEncoder"/>); the values are checked there, against the model's encoders.
/// </summary>
/// <param name="Route">Route number as in the data, e.g. "501".</param>
/// <param name="Direction">Direction letter as in the data: "e", "w", "n", "s" or "b" (both ways).</param>
/// <param name="Date">The day of the trip.</param>
/// <param name="Hour">The hour of the day, 0–23 (the grid's slots are whole hours).</param>
public sealed record TripDescription(string Route, string Direction, DateOnly Date, int Hour)
{
    /// <summary>The trip at <paramref name="at"/>; minutes and seconds fall into the hour's slot.</summary>
    public static TripDescription At(string route, string direction, DateTime at) =>
        new(route, direction, DateOnly.FromDateTime(at), at.Hour);

    /// <summary>Parses a date-time such as "2019-06-14T08:30" or "2019-06-14 08:30" (invariant culture).</summary>
    public static DateTime ParseDateTime(string text) =>
        DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var at)
            ? at
            : throw new PipelineException($"'{text}' is not a date and time (expected e.g. 2019-06-14T08:30)");

    /// <summary>Parses a date such as "2019-06-14".</summary>
    public static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new PipelineException($"'{text}' is not a date (expected yyyy-MM-dd, e.g. 2019-06-14)");

    /// <summary>Parses an hour "0"–"23".</summary>
    public static int ParseHour(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23
            ? hour
            : throw new PipelineException($"'{text}' is not an hour (expected 0–23)");

    /// <inheritdoc/>
    public override string ToString() =>
        $"route {Route} direction {Direction} on {Date:yyyy-MM-dd} ({Date.DayOfWeek}) at {Hour:00}:00";
}
