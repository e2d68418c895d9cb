namespace Streetcar.Report.Statistics;

/// <summary>One experiment's successful repeats (a failed repeat is simply absent; an empty list means none succeeded).</summary>
public sealed record RepeatedExperiment(string Name, IReadOnlyList<RepeatScores> Repeats)
{
    /// <summary>The summary of <paramref name="metric"/> over the repeats, in repeat order; null when there is no repeat.</summary>
    public RepeatSummary? Summary(RepeatMetric metric, double level = 0.95)
    {
        var values = Repeats.OrderBy(r => r.Repeat).Select(r => metric.Of(r)).ToList();
        return values.Any(v => !double.IsNaN(v)) ? RepeatSummary.Of(values, level, metric.IsRate()) : null;
    }

    /// <summary>Repeats whose kept model collapsed.</summary>
    public int CollapsedCount => Repeats.Count(r => r.Collapsed);

    /// <summary>
    /// The working (non-collapsed) repeats' defined values of <paramref name="metric"/>: median, min and max; null
    /// when no repeat works.
    /// </summary>
    public (double Median, double Min, double Max)? Working(RepeatMetric metric)
    {
        var values = Repeats.Where(r => !r.Collapsed).Select(r => metric.Of(r)).Where(v => !double.IsNaN(v)).Order().ToArray();
        if (values.Length == 0)
        {
            return null;
        }
        var middle = values.Length / 2;
        var median = values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return (median, values[0], values[^1]);
    }
}
