namespace Streetcar.Prepare.Output;

/// <summary>A workbook the grid was built from: file name, SHA-256, and the pinned hash when a new vintage was accepted.</summary>
/// <param name="File">File name (no folder).</param>
/// <param name="Sha256">SHA-256 of the bytes that were read.</param>
/// <param name="PinnedSha256">The manifest's hash when it differs (a new vintage accepted on purpose), else null.</param>
public sealed record SourceWorkbook(string File, string Sha256, string? PinnedSha256 = null);
