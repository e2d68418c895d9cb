using System.Text.RegularExpressions;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>
/// The years a raw file's name promises: the portal names its yearly files <c>…-2019.xlsx</c> and a running one
/// <c>…-since-2025</c> (that year and every later one). Checked against the file's rows: a few stray rows (a late
/// entry dated in the next year) are counted as a note; most rows outside them mean the file is not what its name
/// says, an error naming the file.
/// </summary>
public static partial class FileYear
{
    /// <summary>The last stand-alone 19xx/20xx number in <paramref name="fileName"/>, or null.</summary>
    public static int? Of(string fileName) => SpanOf(fileName)?.First;

    /// <summary>
    /// The years <paramref name="fileName"/> covers: its year, or from it on (<see cref="int.MaxValue"/> as the last)
    /// when "since" precedes it; null when the name has no year.
    /// </summary>
    public static (int First, int Last)? SpanOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var matches = YearPattern().Matches(stem);
        if (matches.Count == 0)
        {
            return null;
        }
        var year = int.Parse(matches[^1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var since = SincePattern().IsMatch(stem[..matches[^1].Index]);
        return (year, since ? int.MaxValue : year);
    }

    /// <summary>True when <paramref name="fileName"/> has no year or covers a year from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static bool Overlaps(string fileName, int first, int last) =>
        SpanOf(fileName) is not { } span || (span.First <= last && span.Last >= first);

    /// <summary>The years of <paramref name="years"/> that none of <paramref name="fileNames"/> covers, in order.</summary>
    public static List<int> Uncovered(IEnumerable<int> years, IEnumerable<string> fileNames)
    {
        var spans = fileNames.Select(SpanOf).OfType<(int First, int Last)>().ToArray();
        return years.Where(y => !spans.Any(s => s.First <= y && y <= s.Last)).ToList();
    }

    /// <summary>How many of <paramref name="rows"/> are dated outside the years of <paramref name="file"/> (0 when the name has none).</summary>
    public static int RowsOutside(string file, IReadOnlyList<RawIncident> rows)
    {
        if (SpanOf(file) is not { } span)
        {
            return 0;
        }
        var outside = rows.Count(r => r.ReportDate.Year < span.First || r.ReportDate.Year > span.Last);
        if (outside * 2 > rows.Count)
        {
            var years = span.Last == int.MaxValue ? $"{span.First} or later" : $"{span.First}";
            throw new DataException(
                $"{file}: {outside:N0} of its {rows.Count:N0} rows are dated outside {years}, the year in its name " +
                "(another year's data under this name?)");
        }
        return outside;
    }

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"since[\s_-]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SincePattern();
}
