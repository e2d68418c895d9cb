namespace Streetcar.Prepare.Fetch;

/// <summary>One pinned file: its name and lower-case hex SHA-256.</summary>
public sealed record ManifestEntry(string FileName, string Sha256);
