namespace Streetcar.Prepare.Config;

/// <summary>An inclusive range of valid vehicle numbers (YAML <c>{ first: 4402, last: 4507 }</c>).</summary>
public sealed record VehicleRange
{
    /// <summary>First valid number.</summary>
    public int First { get; init; }

    /// <summary>Last valid number (inclusive).</summary>
    public int Last { get; init; }

    /// <summary>Creates an empty range (for the YAML reader).</summary>
    public VehicleRange()
    {
    }

    /// <summary>Creates the range <paramref name="first"/>..<paramref name="last"/>.</summary>
    public VehicleRange(int first, int last)
    {
        First = first;
        Last = last;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{First}-{Last}";
}
