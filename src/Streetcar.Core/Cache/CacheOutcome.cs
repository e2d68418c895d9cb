namespace Streetcar.Core.Cache;

/// <summary>How <see cref="StageCache.GetOrCreate"/> came by an entry.</summary>
public enum CacheOutcome
{
    /// <summary>A valid entry existed; the producer was not called.</summary>
    Hit,

    /// <summary>The producer ran and its output became the entry.</summary>
    Built,

    /// <summary>
    /// Another writer built the entry: while this one waited for the entry's lock (the producer did not run), or,
    /// without the lock (a writer that lost it), installed it first and ours was discarded (same key, so the same
    /// content by construction).
    /// </summary>
    Raced,
}
