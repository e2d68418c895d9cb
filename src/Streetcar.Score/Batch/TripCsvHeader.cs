using Streetcar.Core.Errors;

namespace Streetcar.Score.Batch;

/// <summary>
/// Where the trip fields are in a batch CSV: <c>route,direction,datetime</c> or <c>route,direction,date,hour</c>
/// (names case-insensitive, in any order, each once, the time one way; other columns are carried through untouched).
/// </summary>
/// <param name="FieldCount">Number of columns of the header; every row must have as many.</param>
/// <param name="DateTime">Index of <c>datetime</c>, or -1 when the file has <c>date</c> and <c>hour</c>.</param>
public sealed record TripCsvHeader(int FieldCount, int Route, int Direction, int DateTime, int Date, int Hour)
{
    /// <summary>Names of the columns scoring appends.</summary>
    public static IReadOnlyList<string> AppendedColumns { get; } = ["delay_probability", "predicted_delay"];

    /// <summary>Reads the header line of <paramref name="source"/>.</summary>
    public static TripCsvHeader Parse(string? line, string source)
    {
        var names = (line is null ? null : CsvFields.Split(line))?.Select(n => n.Trim().ToLowerInvariant()).ToArray();
        if (names is null || names.Length == 0 || names is [""])
        {
            throw new DataException($"{source} line 1: expected a header with route,direction,datetime or route,direction,date,hour");
        }
        // A column named twice would be read from one of its copies, silently: which one is the user's meaning?
        if (names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DataException($"{source} line 1: column '{twice.Key}' appears {twice.Count()} times in the header; name each column once");
        }
        int Find(string name) => Array.IndexOf(names, name);
        var header = new TripCsvHeader(names.Length, Find("route"), Find("direction"), Find("datetime"), Find("date"), Find("hour"));
        var hasTime = header.DateTime >= 0 || (header.Date >= 0 && header.Hour >= 0);
        if (header.Route < 0 || header.Direction < 0 || !hasTime)
        {
            throw new DataException($"{source} line 1: header [{string.Join(",", names)}] lacks columns; expected route,direction,datetime or route,direction,date,hour");
        }
        // Both ways of giving the time: one would win silently, and they can disagree.
        if (header.DateTime >= 0 && (header.Date >= 0 || header.Hour >= 0))
        {
            throw new DataException($"{source} line 1: header has 'datetime' and also '{(header.Date >= 0 ? "date" : "hour")}'; give the time one way: datetime, or date with hour");
        }
        if (AppendedColumns.FirstOrDefault(names.Contains) is { } clash)
        {
            throw new DataException($"{source} line 1: already has a '{clash}' column (scoring appends it)");
        }
        return header;
    }

    /// <summary>The trip of one data row's <paramref name="fields"/>.</summary>
    public TripDescription Trip(string[] fields)
    {
        var route = fields[Route].Trim();
        var direction = fields[Direction].Trim();
        return DateTime >= 0
            ? TripDescription.At(route, direction, TripDescription.ParseDateTime(fields[DateTime]))
            : new TripDescription(route, direction, TripDescription.ParseDate(fields[Date]), TripDescription.ParseHour(fields[Hour]));
    }
}
