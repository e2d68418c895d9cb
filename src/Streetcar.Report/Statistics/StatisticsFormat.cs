using System.Globalization;

namespace Streetcar.Report.Statistics;

/// <summary>
/// Invariant number formats for the statistics' sentences and cells (and for <c>compare</c>, which should print the
/// same figures the report does): same numbers, same bytes.
/// </summary>
public static class StatisticsFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Fixed decimals, "n/a" for NaN.</summary>
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

    /// <summary>
    /// A p-value: two decimals from 0.1 up, three below, "&lt; 0.001" under that; more decimals when rounding would
    /// put it at or across <paramref name="alpha"/> (0.0496 is "0.0496", not "0.050" beside "significant at 0.05").
    /// </summary>
    public static string P(double p, double alpha)
    {
        if (p < 0.001)
        {
            return "< 0.001";
        }
        var decimals = p < 0.1 ? 3 : 2;
        while (decimals < 6 && Misleads(p, Rounded(p, decimals), alpha))
        {
            decimals++;
        }
        return Number(p, decimals);
    }

    /// <summary>True when the rounded p reads as alpha itself, or on the other side of it, while p is not alpha.</summary>
    private static bool Misleads(double p, double rounded, double alpha) =>
        p != alpha && (rounded == alpha || (rounded < alpha) != (p < alpha));

    /// <summary>"= 0.84", or "&lt; 0.001" where the digits would round to nothing.</summary>
    public static string PEquals(double p, double alpha) => p < 0.001 ? P(p, alpha) : "= " + P(p, alpha);

    /// <summary>A significance level as a sentence writes it (0.05).</summary>
    public static string Alpha(double alpha) => alpha.ToString("0.###", Invariant);
}
