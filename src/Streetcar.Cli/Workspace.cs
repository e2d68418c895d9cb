using Streetcar.Core.Errors;

namespace Streetcar.Cli;

/// <summary>The project's folders, all relative to the repository root.</summary>
public sealed record Workspace(string Root)
{
    public string RawData => Path.Combine(Root, "data", "raw");
    /// <summary>The pinned workbooks shipped with the project: the default source of <see cref="RawData"/>.</summary>
    public string ShippedData => Path.Combine(Root, "data", "ttc");
    /// <summary>The stage cache: data/cache/ unless <see cref="WithCache"/> put it elsewhere (a shared file system).</summary>
    public string Cache { get; init; } = Path.Combine(Root, "data", "cache");
    public string WorkbookManifest => Path.Combine(Root, "data", "workbooks.sha256");
    public string PrepareConfig => Path.Combine(Root, "data", "prepare.yml");
    public string Experiments => Path.Combine(Root, "experiments");
    public string Results => Path.Combine(Root, "results");
    public string Report => Path.Combine(Results, "report.md");
    public string Metrics => Path.Combine(Results, "metrics.json");
    /// <summary>Durations and machine facts of the last run: not committed, never diffed.</summary>
    public string RunInfo => Path.Combine(Results, RunInfoFile);

    /// <summary>File name of <see cref="RunInfo"/> inside results/.</summary>
    public const string RunInfoFile = "run-info.json";

    /// <summary>
    /// Fails clearly, before any work, when results/ cannot be replaced (a file in its place, or no permission to
    /// build the new tree next to it): otherwise a whole run would train and evaluate, then die on the report. The
    /// probe is an empty file <c>.results-probe-&lt;pid&gt;</c> next to results/ (a file, so that nothing watching for
    /// the report's staging folder mistakes it for one); any left by a killed run are removed first.
    /// </summary>
    public void EnsureResultsWritable()
    {
        const string prefix = ".results-probe-";
        var probe = Path.Combine(Root, prefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            if (File.Exists(Results))
            {
                throw new IOException("a file is in its place");
            }
            foreach (var leftover in Directory.EnumerateFiles(Root, prefix + "*"))
            {
                File.Delete(leftover);
            }
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"cannot write to the results folder {Results}: {e.Message}");
        }
        // results/plots too: a plots folder that cannot be written (a read-only mount) would otherwise fail only at
        // the end, when the old tree is removed after the swap.
        var plots = Path.Combine(Results, "plots");
        if (Directory.Exists(plots))
        {
            var plotsProbe = Path.Combine(plots, $".write-probe-{Environment.ProcessId}");
            try
            {
                File.WriteAllText(plotsProbe, "");
                File.Delete(plotsProbe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PipelineException($"cannot write to the results folder {plots}: {e.Message}");
            }
        }
    }

    /// <summary>
    /// This workspace with its cache at <paramref name="folder"/> (named in messages as <paramref name="origin"/>, the
    /// option or variable it came from), or as it is when null. A folder someone names must exist (it is not created:
    /// a typo would start an empty cache somewhere) and be writable (a run writes entries and locks there); otherwise
    /// one pipeline error naming it, before any work.
    /// </summary>
    public Workspace WithCache(string? folder, string origin)
    {
        if (folder is null)
        {
            return this;
        }
        if (folder.Length == 0 || !Directory.Exists(folder))
        {
            throw new PipelineException(File.Exists(folder) ? $"{origin}: not a folder (a file); give the stage cache's folder" : $"{origin}: no such folder; create it first (a cache shared by several machines is made once)");
        }
        var full = Path.GetFullPath(folder);
        var probe = Path.Combine(full, ".write-probe-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"{origin}: cannot write to the folder ({e.Message}); a stage cache must be writable");
        }
        return this with { Cache = full };
    }

    /// <summary>File name of the solution at the root of every checkout.</summary>
    public const string SolutionFile = "streetcar-experiments.sln";

    /// <summary>What makes a folder this project: the solution file, experiments/ and data/ (relative paths).</summary>
    public static IReadOnlyList<string> Markers { get; } = [SolutionFile, "experiments/", "data/"];

    /// <summary>
    /// The repository root: <paramref name="root"/> if given, else the nearest folder up from the current one; either
    /// way only a folder with every one of <see cref="Markers"/>. This is the one check between the command line and
    /// any write: a folder that is not this project (empty, a file, <c>/</c>, someone else's <c>data/cache</c>) is a
    /// usage error before anything is created or deleted in it.
    /// </summary>
    public static Workspace Locate(string? root)
    {
        if (root is not null)
        {
            if (root.Length == 0)
            {
                throw new PipelineException("--root: empty path; give the folder of a streetcar-experiments checkout", ExitCodes.Usage);
            }
            if (File.Exists(root))
            {
                throw new PipelineException($"--root {root}: not a folder (a file); give the folder of a streetcar-experiments checkout", ExitCodes.Usage);
            }
            if (!Directory.Exists(root))
            {
                throw new PipelineException($"--root {root}: no such folder", ExitCodes.Usage);
            }
            var full = Path.GetFullPath(root);
            return Missing(full) is { Count: > 0 } missing
                ? throw new PipelineException($"--root {root}: not a streetcar-experiments checkout (it lacks {string.Join(", ", missing)}); nothing was written to it", ExitCodes.Usage)
                : new Workspace(full);
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (Missing(dir.FullName).Count == 0)
            {
                return new Workspace(dir.FullName);
            }
        }
        throw new PipelineException($"not inside a streetcar-experiments checkout (no folder above the current one holds {string.Join(", ", Markers)}); pass --root", ExitCodes.Usage);
    }

    /// <summary>The markers <paramref name="folder"/> lacks (a marker ending in '/' is a folder, else a file).</summary>
    private static List<string> Missing(string folder) =>
        Markers.Where(m => m.EndsWith('/')
                ? !Directory.Exists(Path.Combine(folder, m.TrimEnd('/')))
                : !File.Exists(Path.Combine(folder, m)))
            .ToList();
}
