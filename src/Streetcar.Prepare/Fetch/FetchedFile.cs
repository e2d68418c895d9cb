namespace Streetcar.Prepare.Fetch;

/// <summary>How a raw file got into the target folder.</summary>
public enum FetchOrigin
{
    /// <summary>Already there with the pinned hash.</summary>
    Present,

    /// <summary>Copied from the source folder.</summary>
    Copied,

    /// <summary>Downloaded from the portal.</summary>
    Downloaded,
}

/// <summary>One raw file after fetching.</summary>
/// <param name="FileName">File name.</param>
/// <param name="Path">Full path in the target folder.</param>
/// <param name="Sha256">Hash of the file as it is now.</param>
/// <param name="PinnedSha256">Hash in the manifest; null for a file no pin covers (accepted as a new vintage).</param>
/// <param name="Origin">Where it came from.</param>
public sealed record FetchedFile(string FileName, string Path, string Sha256, string? PinnedSha256, FetchOrigin Origin)
{
    /// <summary>True when the file differs from the pinned vintage or has no pin (only possible with AcceptNewVintage).</summary>
    public bool IsNewVintage => Sha256 != PinnedSha256;

    /// <summary>True when no pin covers the file (a year the manifest does not list).</summary>
    public bool IsUnpinned => PinnedSha256 is null;
}
