using System.Globalization;

namespace Streetcar.Core.Config;

/// <summary>
/// The allowed range of one numeric config key, stated once: the validator checks values against it, its
/// <see cref="Text"/> is what error messages say, and the comments of the config files are tested against it.
/// </summary>
/// <param name="Key">Dotted YAML key, e.g. <c>early_stopping.patience</c>.</param>
/// <param name="Min">Lower end.</param>
/// <param name="Max">Upper end.</param>
/// <param name="MinOpen">True when <paramref name="Min"/> itself is not allowed.</param>
/// <param name="MaxOpen">True when <paramref name="Max"/> itself is not allowed.</param>
/// <param name="Integer">True for whole-number keys (documentation; the YAML type already enforces it).</param>
public sealed record NumericBound(string Key, double Min, double Max, bool MinOpen = false, bool MaxOpen = false, bool Integer = false)
{
    /// <summary>The range in interval notation: <c>[1, 10000]</c>, <c>(0, 1)</c>.</summary>
    public string Text => $"{(MinOpen ? "(" : "[")}{Show(Min)}, {Show(Max)}{(MaxOpen ? ")" : "]")}";

    /// <summary>True when <paramref name="value"/> is in the range (NaN never is).</summary>
    public bool Contains(double value) =>
        (MinOpen ? value > Min : value >= Min) && (MaxOpen ? value < Max : value <= Max);

    /// <summary>The problem of an out-of-range <paramref name="value"/>, for a <see cref="Errors.ConfigException"/>.</summary>
    public string Problem(double value) => $"must be {(Integer ? "an integer" : "a number")} in {Text}, got {Show(value)}";

    /// <summary>Invariant shortest round-trip form, without exponent for whole numbers.</summary>
    public static string Show(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
