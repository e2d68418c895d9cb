using Streetcar.Core.Json;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Ledger;

/// <summary>
/// What one run did, written once at its end (<c>ledger.json</c> in its run folder, and the newest one's id in
/// <c>.runs/latest</c>): per run its keys and outcome, per job its outcome, time and place. Durations vary from run
/// to run, so the ledger never reaches results/ or a key.
/// </summary>
/// <param name="Executor">The executor that ran the jobs.</param>
/// <param name="Runs">Every run the plan served, in plan order.</param>
/// <param name="Jobs">Every job, in plan order.</param>
public sealed record RunLedger(string Executor, IReadOnlyList<LedgerRun> Runs, IReadOnlyList<LedgerJob> Jobs)
{
    public const string FileName = "ledger.json";

    /// <summary>Name of the file under the runs folder that holds the newest run's folder name.</summary>
    public const string LatestFile = "latest";

    /// <summary>
    /// The longest chain of jobs by their own wall times, dependencies first: the run's wall time on an unbounded
    /// number of workers. Empty when no job ran.
    /// </summary>
    public (double Seconds, IReadOnlyList<LedgerJob> Chain) CriticalPath()
    {
        var byId = Jobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var best = new Dictionary<string, (double Seconds, string? Previous)>(StringComparer.Ordinal);
        // Plan order is dependencies first, so one pass settles every job.
        foreach (var job in Jobs)
        {
            var previous = job.DependsOn.Where(best.ContainsKey).OrderByDescending(d => best[d].Seconds).ThenBy(d => d, StringComparer.Ordinal).FirstOrDefault();
            best[job.Id] = ((previous is null ? 0 : best[previous].Seconds) + job.Seconds, previous);
        }
        if (best.Count == 0)
        {
            return (0, []);
        }
        var end = best.OrderByDescending(b => b.Value.Seconds).ThenBy(b => b.Key, StringComparer.Ordinal).First();
        var chain = new List<LedgerJob>();
        for (string? id = end.Key; id is not null; id = best[id].Previous)
        {
            chain.Insert(0, byId[id]);
        }
        return (Math.Round(end.Value.Seconds, 2), chain);
    }

    /// <summary>Writes it into <paramref name="runFolder"/> and names that folder the latest of its runs folder.</summary>
    public void Write(string runFolder)
    {
        Directory.CreateDirectory(runFolder);
        StableJson.Write(Path.Combine(runFolder, FileName), this);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(runFolder))!, LatestFile), Path.GetFileName(runFolder) + "\n");
    }

    /// <summary>The newest run's ledger under <paramref name="runsFolder"/>, or null when there is none.</summary>
    public static RunLedger? Latest(string runsFolder)
    {
        var latest = Path.Combine(runsFolder, LatestFile);
        if (!File.Exists(latest))
        {
            return null;
        }
        var path = Path.Combine(runsFolder, File.ReadAllText(latest).Trim(), FileName);
        return File.Exists(path) ? StableJson.Read<RunLedger>(path) : null;
    }

    /// <summary>The ledger of a finished plan.</summary>
    public static RunLedger Of(string executor, Planning.Plan plan, IReadOnlyList<JobResult> results)
    {
        var byId = results.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var jobs = plan.Jobs.Where(j => byId.ContainsKey(j.Id)).Select(j => LedgerJob.Of(j, byId[j.Id])).ToArray();
        var runs = plan.Runs.Select(r =>
        {
            var own = r.Jobs.Where(byId.ContainsKey).Select(id => byId[id]).ToArray();
            var failed = own.FirstOrDefault(j => j.State == JobState.Failed);
            var outcome = own.Length == 0 ? "cached" : failed is not null ? "failed" : own.Any(j => j.State != JobState.Succeeded) ? "skipped" : "built";
            return new LedgerRun(r.Run.Label, r.Run.Experiment, r.Keys.ToDictionary(k => k.Key, k => k.Value.ToFullString(), StringComparer.Ordinal),
                r.Jobs, outcome, failed?.Error);
        }).ToArray();
        return new RunLedger(executor, runs, jobs);
    }
}
