using System.Text.RegularExpressions;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;

namespace Streetcar.Prepare.Fetch;

/// <summary>
/// The raw-data manifest (<c>data/workbooks.sha256</c>), in <c>sha256sum</c> format: one <c>hash  filename</c> per
/// line; blank lines and <c>#</c> comments are ignored.
/// </summary>
public sealed partial record WorkbookManifest(IReadOnlyList<ManifestEntry> Entries)
{
    /// <summary>Reads the manifest at <paramref name="path"/>.</summary>
    public static WorkbookManifest Read(string path) =>
        File.Exists(path)
            ? Parse(InputFile.ReadText(path, MaxBytes, problem => new DataException($"{path}: raw-data manifest {problem}")), path)
            : throw new DataException($"{path}: raw-data manifest not found");

    /// <summary>Largest manifest read (64 KiB: about 700 workbooks; the portal has a dozen).</summary>
    public const long MaxBytes = 64 * 1024;

    /// <summary>Parses manifest text; <paramref name="file"/> names it in errors.</summary>
    public static WorkbookManifest Parse(string text, string file)
    {
        var entries = new List<ManifestEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var match = LinePattern().Match(line);
            if (!match.Success)
            {
                throw new DataException($"{file}:{i + 1}: expected '<sha256>  <file name>', got '{line}'");
            }
            var name = match.Groups["name"].Value;
            if (name != Path.GetFileName(name) || entries.Any(e => e.FileName == name))
            {
                throw new DataException($"{file}:{i + 1}: '{name}' must be a plain file name listed once");
            }
            entries.Add(new ManifestEntry(name, match.Groups["hash"].Value.ToLowerInvariant()));
        }
        return entries.Count > 0 ? new WorkbookManifest(entries) : throw new DataException($"{file}: manifest lists no files");
    }

    /// <summary>The manifest text (sha256sum format, LF, final newline).</summary>
    public string Format() => string.Concat(Entries.Select(e => $"{e.Sha256}  {e.FileName}\n"));

    [GeneratedRegex(@"^(?<hash>[0-9a-fA-F]{64}) [ *](?<name>\S.*)$")]
    private static partial Regex LinePattern();
}
