namespace Streetcar.Prepare.Output;

/// <summary>
/// A raw file the grid was built from: file name, SHA-256, and the pinned hash when a new vintage was accepted (or
/// <see cref="NotPinned"/> when no pin covers it).
/// </summary>
/// <param name="File">File name (no folder).</param>
/// <param name="Sha256">SHA-256 of the bytes that were read.</param>
/// <param name="PinnedSha256">The manifest's hash when it differs (a new vintage accepted on purpose), else null.</param>
/// <param name="NotPinned">True when the manifest has no pin for the file (a year it does not list), accepted on purpose.</param>
public sealed record SourceWorkbook(string File, string Sha256, string? PinnedSha256 = null, bool NotPinned = false);
