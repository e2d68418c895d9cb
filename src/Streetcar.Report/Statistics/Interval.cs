namespace Streetcar.Report.Statistics;

/// <summary>A closed interval [<see cref="Lower"/>, <see cref="Upper"/>] around an estimate, at <see cref="Level"/> confidence.</summary>
public sealed record Interval(double Lower, double Upper, double Level)
{
    public double Width => Upper - Lower;

    /// <summary>True when <paramref name="value"/> lies inside the interval, ends included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
