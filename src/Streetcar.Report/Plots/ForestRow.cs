using Streetcar.Report.Statistics;

namespace Streetcar.Report.Plots;

/// <summary>One row of a forest plot: an estimate, its interval (none for a single repeat) and the values behind it.</summary>
/// <param name="Points">Per-repeat values, drawn as small dots under the interval.</param>
/// <param name="IsReference">A reference interval rather than an experiment over repeats (e.g. one model's Wilson
/// test-set interval); drawn in another colour so it is not read as one more experiment.</param>
public sealed record ForestRow(string Label, double Estimate, Interval? Interval, IReadOnlyList<double> Points, bool IsReference = false)
{
    /// <summary>An experiment's row: its mean, t-interval and per-repeat values.</summary>
    public static ForestRow FromSummary(string experiment, RepeatSummary summary) =>
        new(experiment, summary.Mean, summary.Interval, summary.Values);

    /// <summary>A reference row: one model's proportion on the test set with its Wilson interval.</summary>
    public static ForestRow FromProportion(string label, ProportionEstimate estimate) =>
        new(label, estimate.Proportion, estimate.Interval, [], IsReference: true);
}
