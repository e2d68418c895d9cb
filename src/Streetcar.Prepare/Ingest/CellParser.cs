using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>Turns workbook cell values (double, string, DateTime, bool or null) into typed values, strictly.</summary>
public static class CellParser
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "d-MMM-yy", "d-MMM-yyyy", "M/d/yyyy", "M/d/yy"];

    /// <summary>The date of a Report Date cell; anything else is a <see cref="DataException"/> naming <paramref name="source"/>.</summary>
    public static DateOnly ReportDate(object? cell, RowSource source) =>
        TryReportDate(cell) ?? throw new DataException(Unparseable("Report Date", cell, source));

    /// <summary>The date of a Report Date cell (see <see cref="ReportDate"/>), or null when it is empty or not a date.</summary>
    public static DateOnly? TryReportDate(object? cell) => cell switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        double serial when serial is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
        string text when DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var parsed) => DateOnly.FromDateTime(parsed),
        _ => null,
    };

    /// <summary>
    /// The time of day of a Time cell: a time of day, a full date-time (its time counts), a day fraction or
    /// "HH:mm[:ss]" text. Its <see cref="TimeSpan.Hours"/> is the incident's hour.
    /// </summary>
    public static TimeSpan TimeOfDay(object? cell, RowSource source) =>
        TryTimeOfDay(cell) ?? throw new DataException(Unparseable("Time", cell, source));

    /// <summary>The time of day of a Time cell (see <see cref="TimeOfDay"/>), or null when it is empty or not a time.</summary>
    public static TimeSpan? TryTimeOfDay(object? cell) => cell switch
    {
        DateTime dt => dt.TimeOfDay,
        TimeSpan ts when ts >= TimeSpan.Zero => ts,
        double fraction when fraction >= 0 && fraction < 2958466 => DateTime.FromOADate(fraction).TimeOfDay,
        string text when TimeSpan.TryParseExact(text.Trim(), [@"h\:mm", @"h\:mm\:ss"], CultureInfo.InvariantCulture, out var ts)
            && ts < TimeSpan.FromDays(1) => ts,
        string text when DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) => dt.TimeOfDay,
        _ => null,
    };

    /// <summary>What is wrong with a required cell that holds no value of its kind, e.g. "unparseable Time (empty cell)".</summary>
    public static string Unparseable(string column, object? cell) => $"unparseable {column} {Describe(cell)}";

    private static string Unparseable(string column, object? cell, RowSource source) => $"{source}: {Unparseable(column, cell)}";

    /// <summary>The hour (0–23) of a Time cell (see <see cref="TimeOfDay"/>).</summary>
    public static int Hour(object? cell, RowSource source) => TimeOfDay(cell, source).Hours;

    /// <summary>A number cell (int or float in the workbook) or numeric text; empty or non-numeric text is null.</summary>
    public static double? Number(object? cell) => cell switch
    {
        double d => d,
        int i => i,
        string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>
    /// A categorical cell as text: integral numbers as integer text ("501", not "501.0"), other numbers in invariant
    /// culture, text as is; empty is null.
    /// </summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>
    /// A numeric code cell (Route, Vehicle) as text: like <see cref="Text"/>, and integral-float text such as
    /// "4402.0" (how a CSV written from a float column, or a republished workbook's text cell, stores it) becomes
    /// "4402", the form the book's cleaning rules compare.
    /// </summary>
    public static string? Code(object? cell)
    {
        var text = Text(cell);
        if (text is null)
        {
            return null;
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integral = dot > 0 && dot < text.Length - 1
            && text.AsSpan(0, dot).IndexOfAnyExceptInRange('0', '9') < 0
            && text.AsSpan(dot + 1).IndexOfAnyExcept('0') < 0;
        return integral ? text[..dot] : text;
    }

    /// <summary>
    /// The route number of a newer-schema <c>Line</c> cell ("504 KING" → "504", "504A KING" → "504", 504.0 →
    /// "504"). A line that does not start with a number is kept as is (the route rule then marks it bad).
    /// </summary>
    public static string? LineRoute(object? cell)
    {
        var text = Code(cell)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        return digits > 0 ? text[..digits] : text;
    }

    private static string Describe(object? cell) => cell is null ? "(empty cell)" : $"'{Text(cell)}' ({cell.GetType().Name})";
}
