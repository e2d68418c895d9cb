using System.Text.RegularExpressions;
using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Fetch;

/// <summary>
/// Picks the portal's resources for years no pinned file covers: every xlsx or csv resource whose name (or URL
/// file name) carries one of those years, one or several per year. Where the portal offers one resource in both
/// formats (same name), the xlsx is taken, so no record is read twice.
/// </summary>
public static partial class ResourcePicker
{
    /// <summary>A picked resource and the file name it is saved under in the raw data folder.</summary>
    public sealed record Pick(CkanClient.Resource Resource, string FileName);

    /// <summary>The resources of <paramref name="resources"/> that cover any of <paramref name="years"/>, in file name order.</summary>
    public static IReadOnlyList<Pick> ForYears(IReadOnlyList<CkanClient.Resource> resources, IReadOnlyCollection<int> years) =>
        resources
            .Select(r => LocalName(r) is { } name ? new Pick(r, name) : null)
            .OfType<Pick>()
            .Where(p => FileYear.SpanOf(p.FileName) is { } span && years.Any(y => span.First <= y && y <= span.Last))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p.FileName), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(p => WorkbookReader.IsCsv(p.FileName)).First())
            .OrderBy(p => p.FileName, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The file name a resource is saved under: the URL's file name when it is an xlsx or csv carrying a year, else
    /// the resource name made file-safe plus the format's extension (a datastore dump's URL has neither); null when
    /// the resource is neither xlsx nor csv.
    /// </summary>
    public static string? LocalName(CkanClient.Resource resource)
    {
        var fromUrl = Uri.UnescapeDataString(Path.GetFileName(resource.Url.AbsolutePath));
        var urlExtension = Path.GetExtension(fromUrl).ToLowerInvariant();
        if (urlExtension is ".xlsx" or ".csv" && FileYear.SpanOf(fromUrl) is not null)
        {
            return fromUrl;
        }
        var extension = resource.Format.Trim().ToLowerInvariant() switch
        {
            "xlsx" => ".xlsx",
            "csv" => ".csv",
            _ => urlExtension is ".xlsx" or ".csv" ? urlExtension : null,
        };
        var stem = Unsafe().Replace(resource.Name.Trim(), "-").Trim('-').ToLowerInvariant();
        stem = Path.GetExtension(stem) is ".xlsx" or ".csv" ? Path.GetFileNameWithoutExtension(stem) : stem;
        return extension is null || stem.Length == 0 ? null : stem + extension;
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
