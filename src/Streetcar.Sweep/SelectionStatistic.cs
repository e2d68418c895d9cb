namespace Streetcar.Sweep;

/// <summary>YAML <c>select.by</c>: which figure over a point's repeats ranks the points.</summary>
public enum SelectionStatistic
{
    /// <summary><c>mean</c>: the mean over repeats.</summary>
    Mean,

    /// <summary>
    /// <c>lower_bound</c>: the pessimistic end of the 95 % Student-t interval of the mean (the lower end for a metric
    /// that improves upwards, the upper end for a loss), so a point that is good only on a lucky seed ranks lower.
    /// </summary>
    LowerBound,
}
