namespace Streetcar.Report.Statistics;

/// <summary>
/// The rule <c>compare</c> applies: a change lies within noise when the new value (the new mean over repeats, or
/// the single new value) falls inside the old confidence interval of the mean. It is a screen, not a test: a
/// value outside the interval is worth a paired test, and one inside is not shown to be equal.
/// </summary>
public static class NoiseRule
{
    /// <summary>The verdict for <paramref name="current"/> against <paramref name="baseline"/>; a NaN current value (the
    /// metric is missing on the new side) has nothing to place in an interval and also gives <see cref="NoiseVerdict.NoInterval"/>.</summary>
    public static NoiseVerdict Judge(RepeatSummary baseline, double current) =>
        baseline.Interval is not { } interval || double.IsNaN(current) ? NoiseVerdict.NoInterval
        : interval.Contains(current) ? NoiseVerdict.WithinNoise
        : NoiseVerdict.OutsideNoise;

    /// <summary>The verdict in the words <c>compare</c> prints ("within noise", "outside noise", "no interval").</summary>
    public static string Describe(NoiseVerdict verdict) => verdict switch
    {
        NoiseVerdict.WithinNoise => "within noise",
        NoiseVerdict.OutsideNoise => "outside noise",
        NoiseVerdict.NoInterval => "no interval",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
