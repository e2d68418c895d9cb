using System.Globalization;

namespace Streetcar.Report.Statistics;

/// <summary>Invariant number formats for the statistics' sentences and cells: same numbers, same bytes.</summary>
internal static class StatFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Number(double value, int decimals) =>
        double.IsNaN(value) ? "n/a" : Rounded(value, decimals).ToString("F" + decimals, Invariant);

    /// <summary>With an explicit sign, so a difference reads as a direction (+0.0123, -0.0040, 0.0000).</summary>
    public static string Signed(double value, int decimals) =>
        !double.IsNaN(value) && Rounded(value, decimals) > 0 ? "+" + Number(value, decimals) : Number(value, decimals);

    /// <summary>Rounded, and never -0 (which would print as "-0.0000" and flip a sentence's sign).</summary>
    private static double Rounded(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded;
    }

    /// <summary>A p-value: two decimals from 0.1 up, three below, "&lt; 0.001" under that.</summary>
    public static string P(double p) => p switch
    {
        < 0.001 => "< 0.001",
        < 0.1 => Number(p, 3),
        _ => Number(p, 2),
    };

    /// <summary>"= 0.84", or "&lt; 0.001" where the digits would round to nothing.</summary>
    public static string PEquals(double p) => p < 0.001 ? P(p) : "= " + P(p);

    public static string Alpha(double alpha) => alpha.ToString("0.###", Invariant);
}
