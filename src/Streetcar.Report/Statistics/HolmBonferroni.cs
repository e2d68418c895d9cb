namespace Streetcar.Report.Statistics;

/// <summary>
/// Holm's (1979) step-down correction for a family of tests: sort the m p-values ascending, multiply the k-th
/// smallest by (m − k + 1), carry the running maximum forward, cap at 1 (R's <c>p.adjust(method = "holm")</c>).
/// It keeps the chance of any false "significant" in the family at or below α, and never adjusts more than Bonferroni.
/// </summary>
public static class HolmBonferroni
{
    /// <summary>
    /// Adjusted p-values in the order given. A null p (a pair that could not be tested, e.g. one repeat) stays null
    /// and is not counted in the family size.
    /// </summary>
    public static IReadOnlyList<double?> Adjust(IReadOnlyList<double?> p)
    {
        if (p.Any(v => v is { } x && !(x >= 0 && x <= 1)))
        {
            throw new ArgumentException("p-values lie in [0, 1]", nameof(p));
        }
        var tested = Enumerable.Range(0, p.Count).Where(i => p[i] is not null).OrderBy(i => p[i]!.Value).ThenBy(i => i).ToArray();
        var adjusted = new double?[p.Count];
        var m = tested.Length;
        var running = 0.0;
        for (var k = 0; k < m; k++)
        {
            running = Math.Max(running, Math.Min(1, (m - k) * p[tested[k]]!.Value));
            adjusted[tested[k]] = running;
        }
        return adjusted;
    }
}
