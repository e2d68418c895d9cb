using System.Globalization;

namespace Streetcar.Report.Statistics;

/// <summary>Confidence levels: the one check and the one way they are written ("95 %").</summary>
internal static class Levels
{
    public static void Check(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level lies strictly between 0 and 1");
        }
    }

    public static string Percent(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
