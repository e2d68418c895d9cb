using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>
/// The column positions of one sheet, found from its header row. Known variants: <c>Min Delay</c>/<c>Min Gap</c>
/// or (2019) <c>Delay</c>/<c>Gap</c>; an extra <c>Incident ID</c> (or a CKAN datastore dump's <c>_id</c>), which is
/// ignored; and the portal's newer schema <c>Date, Line, Time, Day, Station, Code, Min Delay, Min Gap, Bound,
/// Vehicle</c>, mapped onto the same columns (Date → Report Date, Line → Route, Station → Location, Code → Incident,
/// Bound → Direction; <see cref="RouteIsLine"/> says the route must be taken from a line name such as "504 KING").
/// Any other header is an unknown layout.
/// </summary>
public sealed record SheetLayout(
    int ReportDate, int Route, int Time, int Day, int Location, int Incident,
    int MinDelay, int MinGap, int Direction, int Vehicle, bool DelayGapRenamed, bool HasIncidentId, bool RouteIsLine = false)
{
    private static readonly string[] Required =
        ["Report Date", "Route", "Time", "Day", "Location", "Incident", "Direction", "Vehicle"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["Delay"] = "Min Delay",
        ["Gap"] = "Min Gap",
    };

    // The newer schema's names (the portal's records from 2025 on, as xlsx or csv).
    private static readonly Dictionary<string, string> NewerSchema = new(StringComparer.Ordinal)
    {
        ["Date"] = "Report Date",
        ["Line"] = "Route",
        ["Station"] = "Location",
        ["Code"] = "Incident",
        ["Bound"] = "Direction",
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "Incident ID", "_id" };

    /// <summary>The layout of the header cells <paramref name="headers"/>; <paramref name="where"/> names the sheet in errors.</summary>
    public static SheetLayout FromHeaders(IReadOnlyList<string?> headers, string where)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        bool renamed = false, incidentId = false, line = false;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i]?.Trim();
            if (string.IsNullOrEmpty(name) || Ignored.Contains(name))
            {
                incidentId |= name == "Incident ID";
                continue;
            }
            line |= name == "Line";
            name = NewerSchema.GetValueOrDefault(name, name);
            renamed |= Aliases.ContainsKey(name);
            name = Aliases.GetValueOrDefault(name, name);
            if (!Required.Contains(name) && name is not ("Min Delay" or "Min Gap"))
            {
                throw Unknown(where, headers, $"unexpected column '{headers[i]}'");
            }
            if (!positions.TryAdd(name, i))
            {
                throw Unknown(where, headers, $"column '{name}' appears twice");
            }
        }
        var missing = Required.Append("Min Delay").Append("Min Gap").Where(c => !positions.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw Unknown(where, headers, $"missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        }
        return new SheetLayout(
            positions["Report Date"], positions["Route"], positions["Time"], positions["Day"], positions["Location"],
            positions["Incident"], positions["Min Delay"], positions["Min Gap"], positions["Direction"], positions["Vehicle"],
            renamed, incidentId, line);
    }

    private static DataException Unknown(string where, IReadOnlyList<string?> headers, string problem) =>
        new($"{where}: unknown column layout ({problem}); header row: {string.Join(" | ", headers.Select(h => h ?? "<empty>"))}");
}
