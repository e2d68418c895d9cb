using System.Text.RegularExpressions;

namespace Streetcar.Report.Plots;

/// <summary>
/// ScottPlot numbers SVG element ids (clip paths) with a process-wide counter, so the same plot drawn twice
/// differs in its ids. Renumbering the ids in order of appearance makes a plot's bytes depend on its data alone.
/// </summary>
internal static partial class SvgIds
{
    public static string Renumber(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(svg))
        {
            map.TryAdd(m.Groups[1].Value, $"p{map.Count}");
        }
        return map.Count == 0 ? svg : IdOrReference().Replace(svg, m =>
            map.TryGetValue(m.Groups[2].Value, out var renamed) ? m.Groups[1].Value + renamed : m.Value);
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("(\\bid=\"|#)([A-Za-z_][\\w\\-.:]*)")]
    private static partial Regex IdOrReference();
}
