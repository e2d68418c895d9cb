namespace Streetcar.Prepare.Fetch;

/// <summary>Where the raw workbooks come from and where they go.</summary>
/// <param name="TargetFolder">The raw data folder to fill (the project uses <c>data/raw/</c>).</param>
/// <param name="SourceFolder">A local folder to copy workbooks from (<c>--data-source</c>); null to skip.</param>
/// <param name="PortalBaseUrl">Base URL of the CKAN portal; missing workbooks are downloaded from it. Null: no download.</param>
/// <param name="AcceptNewVintage">
/// Accept workbooks whose hash differs from the manifest, recording both hashes, and files for years no pin covers.
/// </param>
/// <param name="Years">The years the grid needs (<see cref="YearRange.Of"/>); null: every pinned file.</param>
public sealed record FetchOptions(
    string TargetFolder,
    string? SourceFolder = null,
    Uri? PortalBaseUrl = null,
    bool AcceptNewVintage = false,
    YearRange? Years = null)
{
    /// <summary>The City of Toronto Open Data portal (CKAN).</summary>
    public static Uri TorontoPortal { get; } = new("https://ckan0.cf.opendata.inter.prod-toronto.ca/");

    /// <summary>The CKAN package of the TTC streetcar delay workbooks.</summary>
    public const string PackageId = "ttc-streetcar-delay-data";
}
