using Streetcar.Core.Cache;

namespace Streetcar.Remote;

/// <summary>
/// Which entries a push or pull moves: all of them, or those some experiments need — their keys (grid, split,
/// model, metrics), and the trajectory entries of their shapes (a trajectory's key also holds its length, so it
/// is chosen by the shape its manifest names).
/// </summary>
public sealed record RemoteSelection(IReadOnlySet<CacheKey>? Keys, IReadOnlySet<CacheKey> Shapes)
{
    public static RemoteSelection All { get; } = new(null, new HashSet<CacheKey>());

    /// <summary>True when the entry <paramref name="key"/> is chosen; <paramref name="info"/> gives its manifest's description (read only when needed).</summary>
    public bool Wants(CacheKey key, Func<CacheEntryInfo?> info)
    {
        if (Keys is null || Keys.Contains(key))
        {
            return true;
        }
        return Shapes.Count > 0 && info() is { } described && described.Inputs.TryGetValue("shape", out var shape)
            && shape.StartsWith("key:", StringComparison.Ordinal)
            && Shapes.Any(s => "key:" + s.ToFullString() == shape);
    }

    /// <summary>Only stages whose keys cannot be computed up front need their manifest read to decide.</summary>
    public bool NeedsInfo(CacheKey key) => Keys is not null && !Keys.Contains(key) && Shapes.Count > 0;
}
