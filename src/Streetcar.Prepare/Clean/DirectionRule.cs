namespace Streetcar.Prepare.Clean;

/// <summary>
/// The book's direction rule: lower-case, drop '/', map eastbound/westbound/northbound/southbound to e/w/n/s, then
/// remove every 'b' ("e/b" → "e", "b/w" → "w", a lone "b" → "" → bad); valid are e, w, n, s, b, else "bad direction".
/// </summary>
public static class DirectionRule
{
    /// <summary>The valid normalised directions.</summary>
    public static IReadOnlyList<string> ValidDirections { get; } = ["e", "w", "n", "s", "b"];

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["eastbound"] = "e",
        ["westbound"] = "w",
        ["southbound"] = "s",
        ["northbound"] = "n",
    };

    /// <summary>The normalised direction before validation (exposed for tests and the quirk report).</summary>
    public static string Normalize(string direction)
    {
        var text = direction.ToLowerInvariant().Replace("/", "", StringComparison.Ordinal);
        text = Words.GetValueOrDefault(text, text);
        return text.Replace("b", "", StringComparison.Ordinal);
    }

    /// <summary>The normalised direction when valid, else <see cref="CleanTokens.BadDirection"/>; missing is bad.</summary>
    public static string Clean(string? direction)
    {
        if (direction is null)
        {
            return CleanTokens.BadDirection;
        }
        var text = Normalize(direction);
        return ValidDirections.Contains(text) ? text : CleanTokens.BadDirection;
    }
}
