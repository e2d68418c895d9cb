namespace Streetcar.Core.Cache;

/// <summary>
/// What an entry belongs to, recorded in its manifest so that <c>List</c> can say which config built it and
/// why its key is what it is. None of this is part of the key.
/// </summary>
/// <param name="Config">Name of the experiment config the entry was built for.</param>
/// <param name="Description">Optional free text (e.g. the experiment's title).</param>
public sealed record CacheEntryInfo(string Config, string? Description = null)
{
    /// <summary>Input name → <c>key:stage/hash</c> or <c>sha256:hex</c>, as given to the key builder.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Canonical JSON of the parameters in the key, or null when not recorded.</summary>
    public string? Params { get; init; }
}
