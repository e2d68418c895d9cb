using System.Globalization;

namespace Streetcar.Core.Data;

/// <summary>
/// The text values of the feature columns for a slot (route, direction, date, hour), exactly as Prepare encodes
/// them: hour "0"–"23", year "2019", month "1"–"12", day of month "1"–"31", weekday "0" = Monday … "6" = Sunday
/// (pandas' <c>weekday</c>). Prepare and scoring both derive values here, so a trip scores with the codes the
/// model was trained on.
/// </summary>
public static class FeatureValues
{
    /// <summary>The hour's value ("0"–"23").</summary>
    public static string Hour(int hour) => Text(hour);

    /// <summary>The year's value, e.g. "2019".</summary>
    public static string Year(DateOnly date) => Text(date.Year);

    /// <summary>The month's value ("1"–"12").</summary>
    public static string Month(DateOnly date) => Text(date.Month);

    /// <summary>The day of month's value ("1"–"31").</summary>
    public static string DayOfMonth(DateOnly date) => Text(date.Day);

    /// <summary>The weekday's value ("0" = Monday … "6" = Sunday).</summary>
    public static string Weekday(DateOnly date) => Text(WeekdayNumber(date));

    /// <summary>pandas' weekday: Monday 0 … Sunday 6.</summary>
    public static int WeekdayNumber(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;

    /// <summary>The values of all <see cref="FeatureColumns.All"/>, in that order.</summary>
    public static IReadOnlyList<string> Of(string route, string direction, DateOnly date, int hour) =>
        [route, direction, Hour(hour), Year(date), Month(date), DayOfMonth(date), Weekday(date)];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
