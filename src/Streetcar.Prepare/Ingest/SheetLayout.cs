using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>
/// The column positions of one sheet, found from its header row. Known variants: <c>Min Delay</c>/<c>Min Gap</c>
/// or (2019) <c>Delay</c>/<c>Gap</c>, and an extra <c>Incident ID</c>, which is ignored. Any other header is an
/// unknown layout.
/// </summary>
public sealed record SheetLayout(
    int ReportDate, int Route, int Time, int Day, int Location, int Incident,
    int MinDelay, int MinGap, int Direction, int Vehicle, bool DelayGapRenamed, bool HasIncidentId)
{
    private static readonly string[] Required =
        ["Report Date", "Route", "Time", "Day", "Location", "Incident", "Direction", "Vehicle"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["Delay"] = "Min Delay",
        ["Gap"] = "Min Gap",
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "Incident ID" };

    /// <summary>The layout of the header cells <paramref name="headers"/>; <paramref name="where"/> names the sheet in errors.</summary>
    public static SheetLayout FromHeaders(IReadOnlyList<string?> headers, string where)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        bool renamed = false, incidentId = false;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i]?.Trim();
            if (string.IsNullOrEmpty(name) || Ignored.Contains(name))
            {
                incidentId |= name is not null && Ignored.Contains(name);
                continue;
            }
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
            renamed, incidentId);
    }

    private static DataException Unknown(string where, IReadOnlyList<string?> headers, string problem) =>
        new($"{where}: unknown column layout ({problem}); header row: {string.Join(" | ", headers.Select(h => h ?? "<empty>"))}");
}
