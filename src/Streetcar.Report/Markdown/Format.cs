using System.Globalization;

namespace Streetcar.Report.Markdown;

/// <summary>Invariant, fixed-precision number formats: the same numbers always give the same report bytes.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Metric(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", Invariant);

    public static string Ratio(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", Invariant);

    /// <summary>A share as a percentage ("80 %", "10.5 %").</summary>
    public static string Percent(double share) => double.IsNaN(share) ? "n/a" : (share * 100).ToString("0.#", Invariant) + " %";

    /// <summary>Escapes the characters that would break a Markdown table cell.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ").Replace("\r", "");
}
