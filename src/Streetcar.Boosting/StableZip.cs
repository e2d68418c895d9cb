using System.IO.Compression;

namespace Streetcar.Boosting;

/// <summary>
/// ML.NET stamps each entry of a saved model's zip with the wall clock, so the same model saved twice differs.
/// Rewriting the entries, in their order, with one fixed timestamp makes the bytes depend on the content alone
/// (which the stage cache's manifest and a reproducible run need).
/// </summary>
internal static class StableZip
{
    /// <summary>The earliest time a zip can record (MS-DOS epoch), used for every entry.</summary>
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The zip <paramref name="zip"/> with every entry's timestamp set to <see cref="FixedTime"/>.</summary>
    public static byte[] Normalize(byte[] zip)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
