using Streetcar.Core.Cache;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Errors of failed experiments (data/failures/NAME.txt, gitignored), so that the report can mark them. A failed
/// stage leaves no cache entry; its error lives here, with the train key it failed for, until the experiment
/// succeeds. The same inputs fail the same way, so a later stage skips them (--force retries).
/// </summary>
public sealed class FailureLog(Workspace workspace)
{
    private string Folder => Path.Combine(workspace.Root, "data", "failures");

    /// <summary>
    /// The file of <paramref name="experiment"/>: a sweep's point is named <c>SWEEP/key=value,…</c>, so the name is
    /// percent-encoded ('/' is not a file-name character); a plain experiment name is unchanged.
    /// </summary>
    private string FileOf(string experiment) => Path.Combine(Folder, Uri.EscapeDataString(experiment) + ".txt");

    /// <summary>
    /// Records <paramref name="error"/> (with the checkout's path taken out, since the report shows it).
    /// <paramref name="final"/>: the same inputs will fail again (a pipeline error, not an accident such as an
    /// I/O error), so later runs skip the experiment until its train key changes.
    /// </summary>
    public void Record(string experiment, string error, CacheKey? trainKey = null, bool final = false)
    {
        Directory.CreateDirectory(Folder);
        var root = Path.TrimEndingDirectorySeparator(workspace.Root) + Path.DirectorySeparatorChar;
        var text = error.Replace(root, "", StringComparison.Ordinal).ReplaceLineEndings(" ").Trim();
        File.WriteAllText(FileOf(experiment), $"{trainKey?.ToFullString() ?? "-"}\n{text}\n{(final ? "final" : "retry")}\n");
    }

    /// <summary>Forgets every recorded failure (with the cache: a cleared cache retries everything).</summary>
    public void ClearAll()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }
        // Only the files this log writes; the folder goes once empty.
        foreach (var file in Directory.EnumerateFiles(Folder, "*.txt"))
        {
            File.Delete(file);
        }
        if (!Directory.EnumerateFileSystemEntries(Folder).Any())
        {
            Directory.Delete(Folder);
        }
    }

    public void Clear(string experiment)
    {
        if (File.Exists(FileOf(experiment)))
        {
            File.Delete(FileOf(experiment));
        }
    }

    /// <summary>The recorded error of <paramref name="experiment"/>, or null.</summary>
    public string? Read(string experiment) => Lines(experiment) is { } lines ? lines[1] : null;

    /// <summary>The recorded error when <paramref name="experiment"/> failed with exactly this train key.</summary>
    public string? FailedWith(string experiment, CacheKey trainKey) =>
        Lines(experiment) is { } lines && lines[0] == trainKey.ToFullString() ? lines[1] : null;

    /// <summary>The recorded error when <paramref name="experiment"/> failed for good with exactly this train key.</summary>
    public string? FailedForGood(string experiment, CacheKey trainKey) =>
        Lines(experiment) is { } lines && lines[0] == trainKey.ToFullString() && lines.Length > 2 && lines[2] == "final" ? lines[1] : null;

    private string[]? Lines(string experiment)
    {
        if (!File.Exists(FileOf(experiment)))
        {
            return null;
        }
        var lines = File.ReadAllLines(FileOf(experiment));
        return lines.Length >= 2 ? lines : ["-", string.Join(" ", lines).Trim()];
    }
}
