namespace Streetcar.Core.Cache;

/// <summary>How <see cref="StageCache.GetOrCreate"/> came by an entry.</summary>
public enum CacheOutcome
{
    /// <summary>A valid entry existed; the producer was not called.</summary>
    Hit,

    /// <summary>The producer ran and its output became the entry.</summary>
    Built,

    /// <summary>
    /// The producer ran, but another writer installed a valid entry for the same key first; ours was discarded
    /// (same key, so the same content by construction).
    /// </summary>
    Raced,
}
