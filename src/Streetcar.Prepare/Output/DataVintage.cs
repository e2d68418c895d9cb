using Streetcar.Prepare.Fetch;

namespace Streetcar.Prepare.Output;

/// <summary>
/// Which vintage of the raw data a grid was built from. <see cref="Id"/> is the first 12 hex digits of the SHA-256
/// of the sources' manifest lines (<c>sha256  file</c>, sorted by file name, as <c>streetcar pin</c> writes them), so
/// two grids built from byte-identical files name the same vintage, and a manifest holding exactly these files
/// names it too.
/// </summary>
/// <param name="Id">The vintage id.</param>
/// <param name="Files">Raw files read.</param>
/// <param name="DifferentFromPins">Files whose hash differs from their pin (a new vintage accepted on purpose).</param>
/// <param name="NotPinned">Files no pin covers (years the manifest does not list, accepted on purpose).</param>
public sealed record DataVintage(string Id, int Files, int DifferentFromPins, int NotPinned)
{
    /// <summary>True when every file is as pinned in the manifest.</summary>
    public bool IsPinned => DifferentFromPins == 0 && NotPinned == 0;

    /// <summary>The vintage of <paramref name="sources"/>.</summary>
    public static DataVintage Of(IReadOnlyList<SourceWorkbook> sources)
    {
        var manifest = new WorkbookManifest(sources.OrderBy(s => s.File, StringComparer.Ordinal).Select(s => new ManifestEntry(s.File, s.Sha256)).ToArray());
        return new DataVintage(
            IdOf(manifest),
            sources.Count,
            sources.Count(s => s.PinnedSha256 is not null),
            sources.Count(s => s.NotPinned));
    }

    /// <summary>The vintage id of the files a manifest lists.</summary>
    public static string IdOf(WorkbookManifest manifest) => Streetcar.Core.Hashing.ContentHash.OfText(manifest.Format())[..12];

    /// <summary>One line for the report, e.g. "<c>1a2b…</c>: 6 files, all as pinned in data/workbooks.sha256".</summary>
    public string Describe() => IsPinned
        ? $"`{Id}`: {FileCount}, all as pinned in data/workbooks.sha256"
        : $"`{Id}`: {FileCount}, a new vintage accepted on purpose ({DifferentFromPins} differ from their pin, " +
          $"{NotPinned} not pinned in data/workbooks.sha256)";

    private string FileCount => Files == 1 ? "1 file" : $"{Files} files";
}
