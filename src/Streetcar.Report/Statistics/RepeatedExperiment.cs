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
}
