namespace Streetcar.Prepare.Fetch;

/// <summary>
/// A deliberate vintage update: the manifest with the fetched files' hashes pinned. Pins of years outside the
/// config's range are kept as they are (another config may need them); within the range the fetched files are the
/// pins, so a file the portal no longer publishes for those years loses its pin.
/// </summary>
public static class ManifestPin
{
    /// <summary>What pinning changed for one file.</summary>
    public enum Change
    {
        /// <summary>Pinned as before.</summary>
        Unchanged,

        /// <summary>Pinned with a new hash.</summary>
        Updated,

        /// <summary>Pinned for the first time.</summary>
        Added,

        /// <summary>No longer pinned (within the range, not fetched).</summary>
        Removed,
    }

    /// <summary>The new manifest and, per file name in order, what changed.</summary>
    public sealed record Result(WorkbookManifest Manifest, IReadOnlyList<(string File, Change Change)> Changes);

    /// <summary>Pins <paramref name="fetched"/> into <paramref name="current"/> (null: no manifest yet) for <paramref name="years"/>.</summary>
    public static Result Apply(WorkbookManifest? current, YearRange years, FetchResult fetched)
    {
        var before = (current?.Entries ?? []).ToDictionary(e => e.FileName, e => e.Sha256, StringComparer.Ordinal);
        var kept = (current?.Entries ?? []).Where(e => !years.Needs(e.FileName));
        var pinned = fetched.Files.Select(f => new ManifestEntry(f.FileName, f.Sha256));
        var entries = kept.Concat(pinned).DistinctBy(e => e.FileName).OrderBy(e => e.FileName, StringComparer.Ordinal).ToArray();
        var after = entries.ToDictionary(e => e.FileName, e => e.Sha256, StringComparer.Ordinal);
        var changes = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal).Select(name => (name,
            !after.TryGetValue(name, out var hash) ? Change.Removed
            : !before.TryGetValue(name, out var old) ? Change.Added
            : old == hash ? Change.Unchanged : Change.Updated)).ToArray();
        return new Result(new WorkbookManifest(entries), changes);
    }

    /// <summary>Writes <paramref name="manifest"/> to <paramref name="path"/> through a temporary file, so a failure leaves the old one whole.</summary>
    public static void Write(WorkbookManifest manifest, string path)
    {
        var partial = path + ".partial";
        try
        {
            File.WriteAllText(partial, manifest.Format());
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
