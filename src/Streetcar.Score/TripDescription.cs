using System.Globalization;
using System.Text.RegularExpressions;
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

    /// <summary>The date-time forms a trip time may take: local TTC wall-clock time, never an offset or Z.</summary>
    public static IReadOnlyList<string> DateTimeFormats { get; } =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    /// <summary>
    /// Parses a trip time such as "2019-06-14T08:30" or "2019-06-14 08:30". Trip times are the local Toronto
    /// wall-clock times the TTC records, so a time with a UTC offset or <c>Z</c> is refused rather than
    /// converted: a conversion would go through some machine's time zone, and the slot scored would depend on it.
    /// </summary>
    public static DateTime ParseDateTime(string text)
    {
        var trimmed = text.Trim();
        if (ZoneSuffix.Match(trimmed) is { Success: true } zone)
        {
            throw new PipelineException(
                $"'{text}' has a time zone ({zone.Groups["zone"].Value}); trip times are local Toronto (TTC) wall-clock times: give it without an offset or Z, e.g. 2019-06-14T08:30");
        }
        return DateTime.TryParseExact(trimmed, [.. DateTimeFormats], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw new PipelineException($"'{text}' is not a date and time (expected yyyy-MM-ddTHH:mm, e.g. 2019-06-14T08:30)");
    }

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

    /// <summary>A date and time ending in a UTC designator or offset: <c>Z</c>, <c>+05:00</c>, <c>-0400</c>, <c>+05</c>.</summary>
    private static readonly Regex ZoneSuffix = new(
        @"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)$", RegexOptions.CultureInvariant);

    /// <inheritdoc/>
    public override string ToString() =>
        $"route {Route} direction {Direction} on {Date:yyyy-MM-dd} ({Date.DayOfWeek}) at {Hour:00}:00";
}
