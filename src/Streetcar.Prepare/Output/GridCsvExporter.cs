using System.Globalization;
using System.Text;
using Streetcar.Core.Data;

namespace Streetcar.Prepare.Output;

/// <summary>
/// Exports an encoded grid or split as CSV for inspection: for each feature column its raw value then its code
/// (<c>route,route_code,…</c>), then <c>target</c>. Invariant culture, LF line ends.
/// </summary>
public static class GridCsvExporter
{
    /// <summary>Writes <paramref name="data"/> decoded with <paramref name="encoders"/> to <paramref name="output"/> (left open).</summary>
    public static void Write(Stream output, EncodedSplit data, IReadOnlyList<ColumnEncoder> encoders)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 20, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", data.Columns.SelectMany(c => new[] { c, c + "_code" }).Append("target")));
        var line = new StringBuilder();
        for (var r = 0; r < data.Rows; r++)
        {
            line.Clear();
            for (var c = 0; c < data.Columns.Count; c++)
            {
                var code = data.Codes[c][r];
                line.Append(Field(encoders[c].Values[code])).Append(',').Append(code.ToString(CultureInfo.InvariantCulture)).Append(',');
            }
            line.Append(data.Labels[r] == 1 ? '1' : '0');
            writer.WriteLine(line);
        }
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
