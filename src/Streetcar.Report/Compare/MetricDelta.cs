using Streetcar.Report.Statistics;

namespace Streetcar.Report.Compare;

/// <summary>One metric of one experiment in two revisions (NaN where a side lacks it).</summary>
/// <param name="Noise">For a metric summarised over repeats: where the current mean lies against the baseline's
/// interval; null when either side lacks the metric or it is a serving-repeat figure.</param>
public sealed record MetricDelta(string Experiment, string Metric, double Baseline, double Current, NoiseVerdict? Noise = null)
{
    public double Change => Current - Baseline;
}
