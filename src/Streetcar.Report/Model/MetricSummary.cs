using Streetcar.Report.Statistics;

namespace Streetcar.Report.Model;

/// <summary>
/// One metric of one experiment over its repeats, as results/metrics.json stores it for <c>compare</c>: mean,
/// sample sd and the Student-t interval of the mean (sd and interval null for a single repeat).
/// </summary>
/// <param name="Metric">The metric's key (<see cref="RepeatMetrics.Key"/>, e.g. <c>test_recall</c>).</param>
/// <param name="N">Repeats with a defined value.</param>
public sealed record MetricSummary(string Metric, int N, double Mean, double? Sd, double? CiLower, double? CiUpper, double Level)
{
    public static MetricSummary From(RepeatMetric metric, RepeatSummary s, double level = 0.95) =>
        new(metric.Key(), s.N, s.Mean, s.Sd, s.Interval?.Lower, s.Interval?.Upper, s.Interval?.Level ?? level);

    /// <summary>Back to the statistics' form, for <see cref="NoiseRule"/>; the per-repeat values are not kept here.</summary>
    public RepeatSummary ToSummary() =>
        new([], N, 0, Mean, Sd, CiLower is { } lower && CiUpper is { } upper ? new Interval(lower, upper, Level) : null, double.NaN, double.NaN);
}
