using Streetcar.Core.Errors;

namespace Streetcar.Cli;

/// <summary>The project's folders, all relative to the repository root.</summary>
public sealed record Workspace(string Root)
{
    public string RawData => Path.Combine(Root, "data", "raw");
    /// <summary>The pinned workbooks shipped with the project: the default source of <see cref="RawData"/>.</summary>
    public string ShippedData => Path.Combine(Root, "data", "ttc");
    public string Cache => Path.Combine(Root, "data", "cache");
    public string WorkbookManifest => Path.Combine(Root, "data", "workbooks.sha256");
    public string PrepareConfig => Path.Combine(Root, "data", "prepare.yml");
    public string Experiments => Path.Combine(Root, "experiments");
    public string Results => Path.Combine(Root, "results");
    public string Report => Path.Combine(Results, "report.md");
    public string Metrics => Path.Combine(Results, "metrics.json");
    /// <summary>Durations and machine facts of the last run: not committed, never diffed.</summary>
    public string RunInfo => Path.Combine(Results, "run-info.json");

    /// <summary>
    /// Fails clearly, before any work, when results/ cannot be written (for example a file in its place or no
    /// permission): otherwise a whole run would train and evaluate, then die on the report.
    /// </summary>
    public void EnsureResultsWritable()
    {
        // results/plots too: the report replaces its files, so a read-only plots folder would fail only at the end.
        foreach (var folder in new[] { Results, Path.Combine(Results, "plots") })
        {
            var probe = Path.Combine(folder, $".write-probe-{Environment.ProcessId}");
            try
            {
                if (folder == Results)
                {
                    Directory.CreateDirectory(Results);
                }
                else if (!Directory.Exists(folder))
                {
                    continue;
                }
                File.WriteAllText(probe, "");
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PipelineException($"cannot write to the results folder {folder}: {e.Message}");
            }
        }
    }

    /// <summary>The repository root: <paramref name="root"/> if given, else the nearest folder up from the
    /// current one that holds streetcar-experiments.sln.</summary>
    public static Workspace Locate(string? root)
    {
        if (!string.IsNullOrEmpty(root))
        {
            return Directory.Exists(root)
                ? new Workspace(Path.GetFullPath(root))
                : throw new PipelineException($"--root {root}: no such folder", ExitCodes.Usage);
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "streetcar-experiments.sln")))
            {
                return new Workspace(dir.FullName);
            }
        }
        throw new PipelineException("not inside a streetcar-experiments checkout (no streetcar-experiments.sln above the current folder); pass --root", ExitCodes.Usage);
    }
}
