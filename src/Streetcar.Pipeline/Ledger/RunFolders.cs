using System.Diagnostics;
using System.Globalization;

namespace Streetcar.Pipeline.Ledger;

/// <summary>
/// The runs' folders under <c>.runs/</c> (one per run: its ledger, job files, outcomes and logs), named
/// <c>yyyyMMddTHHmmssZ-PID</c> so that name order is start order. Each run writes its host into its folder
/// (<see cref="HostFile"/>) and prunes the old ones when it ends.
/// </summary>
public static class RunFolders
{
    /// <summary>
    /// How many of the newest runs' folders are kept: enough to look back over a day's work (a sweep, its reruns,
    /// a failure's logs), few enough that the logs of every run ever made do not pile up under the cache.
    /// </summary>
    public const int Kept = 20;

    /// <summary>The file in a run's folder naming the machine it runs on, so only that machine judges whether it is alive.</summary>
    public const string HostFile = "host";

    /// <summary>Marks <paramref name="runFolder"/> as this machine's (creating it).</summary>
    public static void Claim(string runFolder)
    {
        Directory.CreateDirectory(runFolder);
        File.WriteAllText(Path.Combine(runFolder, HostFile), Environment.MachineName + "\n");
    }

    /// <summary>
    /// Removes the runs' folders older than the newest <paramref name="keep"/>, except the one <c>latest</c> names and
    /// any whose run may still be alive: its pid still running here, or its host another machine (which prunes its
    /// own). Returns the names removed, oldest first. A folder that cannot be removed now is left for a later run.
    /// </summary>
    public static IReadOnlyList<string> Prune(string runsFolder, int keep = Kept, Func<int, bool>? isAlive = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        if (!Directory.Exists(runsFolder))
        {
            return [];
        }
        isAlive ??= IsAlive;
        var latestFile = Path.Combine(runsFolder, RunLedger.LatestFile);
        var latest = File.Exists(latestFile) ? File.ReadAllText(latestFile).Trim() : null;
        var runs = Directory.EnumerateDirectories(runsFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => PidOf(name) is not null)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var removed = new List<string>();
        foreach (var name in runs.Take(Math.Max(0, runs.Length - keep)))
        {
            var folder = Path.Combine(runsFolder, name);
            if (name == latest || !IsThisHost(folder) || isAlive(PidOf(name)!.Value))
            {
                continue;
            }
            try
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run pruning at the same time, or a file held open: the next run tries again.
            }
        }
        return removed;
    }

    /// <summary>The pid a run folder's name ends with, or null when it is not a run folder's name.</summary>
    private static int? PidOf(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash == 16 && name.Length > 17 && DateTime.TryParseExact(name[..dash], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }

    /// <summary>A folder with no host file is this machine's: it was written before runs named their host.</summary>
    private static bool IsThisHost(string folder)
    {
        var path = Path.Combine(folder, HostFile);
        try
        {
            return !File.Exists(path) || File.ReadAllText(path).Trim() == Environment.MachineName;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
