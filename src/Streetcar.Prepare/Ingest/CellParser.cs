using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>Turns workbook cell values (double, string, DateTime, bool or null) into typed values, strictly.</summary>
public static class CellParser
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "d-MMM-yy", "d-MMM-yyyy", "M/d/yyyy", "M/d/yy"];

    /// <summary>The date of a Report Date cell; anything else is a <see cref="DataException"/> naming <paramref name="source"/>.</summary>
    public static DateOnly ReportDate(object? cell, RowSource source) => cell switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        double serial when serial is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
        string text when DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var parsed) => DateOnly.FromDateTime(parsed),
        _ => throw new DataException($"{source}: unparseable Report Date {Describe(cell)}"),
    };

    /// <summary>
    /// The hour of a Time cell: a time of day, a full date-time (its hour counts), a day fraction or "HH:mm[:ss]" text.
    /// </summary>
    public static int Hour(object? cell, RowSource source) => cell switch
    {
        DateTime dt => dt.Hour,
        TimeSpan ts when ts >= TimeSpan.Zero => ts.Hours,
        double fraction when fraction >= 0 => DateTime.FromOADate(fraction).Hour,
        string text when TimeSpan.TryParseExact(text.Trim(), [@"h\:mm", @"h\:mm\:ss"], CultureInfo.InvariantCulture, out var ts)
            && ts < TimeSpan.FromDays(1) => ts.Hours,
        string text when DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) => dt.Hour,
        _ => throw new DataException($"{source}: unparseable Time {Describe(cell)}"),
    };

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

    private static string Describe(object? cell) => cell is null ? "(empty cell)" : $"'{Text(cell)}' ({cell.GetType().Name})";
}
