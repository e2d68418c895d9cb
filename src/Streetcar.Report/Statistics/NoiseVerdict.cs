namespace Streetcar.Report.Statistics;

/// <summary>Whether a metric's change between two revisions is larger than its seed noise.</summary>
public enum NoiseVerdict
{
    /// <summary>The new value lies inside the old confidence interval.</summary>
    WithinNoise,

    /// <summary>The new value lies outside the old confidence interval.</summary>
    OutsideNoise,

    /// <summary>The old value has no interval (a single repeat), so noise cannot be judged.</summary>
    NoInterval,
}
