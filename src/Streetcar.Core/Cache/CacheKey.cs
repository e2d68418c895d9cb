using System.Text.RegularExpressions;

namespace Streetcar.Core.Cache;

/// <summary>
/// Identity of one cache entry: the stage that made it and the SHA-256 (64 lower-case hex digits) of the
/// canonical description of everything the stage's output depends on (see <see cref="CacheKeyBuilder"/>).
/// The entry lives at <c>&lt;root&gt;/&lt;Stage&gt;/&lt;Hash&gt;/</c>.
/// </summary>
public sealed partial record CacheKey
{
    /// <summary>Number of hex digits of <see cref="Short"/>.</summary>
    public const int ShortLength = 12;

    /// <summary>Creates a key; the stage must be a lower-case name and the hash 64 hex digits.</summary>
    public CacheKey(string stage, string hash)
    {
        if (!StagePattern().IsMatch(stage))
        {
            throw new ArgumentException($"Stage name '{stage}' must match {StagePattern()}.", nameof(stage));
        }
        if (!HashPattern().IsMatch(hash))
        {
            throw new ArgumentException($"Cache key hash '{hash}' must be 64 hex digits.", nameof(hash));
        }
        Stage = stage;
        Hash = hash.ToLowerInvariant();
    }

    /// <summary>The stage name, also the folder the entry sits in.</summary>
    public string Stage { get; }

    /// <summary>The full SHA-256, lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>The first 12 hex digits, for display.</summary>
    public string Short => Hash[..ShortLength];

    /// <summary>Parses <c>stage/hash</c>, the form <see cref="ToFullString"/> writes.</summary>
    public static CacheKey Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            throw new FormatException($"Cache key '{text}' is not of the form stage/sha256.");
        }
        return new CacheKey(text[..slash], text[(slash + 1)..]);
    }

    /// <summary>Parses <c>stage/hash</c> strictly (a lower-case hash); false for anything else, e.g. a name found on a remote.</summary>
    public static bool TryParse(string stage, string hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CacheKey? key)
    {
        key = IsStage(stage) && IsHash(hash) ? new CacheKey(stage, hash) : null;
        return key is not null;
    }

    /// <summary><c>stage/hash</c> with the full hash.</summary>
    public string ToFullString() => $"{Stage}/{Hash}";

    /// <summary><c>stage/short-hash</c>, for messages.</summary>
    public override string ToString() => $"{Stage}/{Short}";

    internal static bool IsHash(string text) => HashPattern().IsMatch(text) && text == text.ToLowerInvariant();

    internal static bool IsStage(string text) => StagePattern().IsMatch(text);

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$")]
    private static partial Regex StagePattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();
}
