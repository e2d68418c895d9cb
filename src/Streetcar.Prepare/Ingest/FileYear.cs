using System.Text.RegularExpressions;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>
/// The year a raw file's name promises (the portal names them <c>…-2019.xlsx</c>) checked against its rows: a few
/// stray rows (a late entry dated in the next year) are counted as a note; most rows outside it mean the file is
/// not what its name says, an error naming the file.
/// </summary>
public static partial class FileYear
{
    /// <summary>The last stand-alone 19xx/20xx number in <paramref name="fileName"/>, or null.</summary>
    public static int? Of(string fileName)
    {
        var matches = YearPattern().Matches(Path.GetFileNameWithoutExtension(fileName));
        return matches.Count == 0 ? null : int.Parse(matches[^1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many of <paramref name="rows"/> are dated outside the year of <paramref name="file"/> (0 when the name has none).</summary>
    public static int RowsOutside(string file, IReadOnlyList<RawIncident> rows)
    {
        if (Of(file) is not { } year)
        {
            return 0;
        }
        var outside = rows.Count(r => r.ReportDate.Year != year);
        if (outside * 2 > rows.Count)
        {
            throw new DataException(
                $"{file}: {outside:N0} of its {rows.Count:N0} rows are dated outside {year}, the year in its name " +
                "(another year's data under this name?)");
        }
        return outside;
    }

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex YearPattern();
}
