using System.Text.Json.Nodes;

namespace Streetcar.Pipeline.Execution;

/// <summary>
/// One job as data: everything a fresh process (`streetcar exec JOBFILE`, on this machine or a cluster node) needs
/// to build one cache entry from the cache, and everything an executor needs to schedule it. Serialised as JSON.
/// </summary>
/// <param name="Id">Unique within a run and a valid file name (e.g. <c>evaluate-3f9a…</c>): job files, logs and dependencies use it.</param>
/// <param name="Stage">The stage that builds the entry (its registered name).</param>
/// <param name="Key">Full key of the entry the job builds; a job whose entry is cached exits 0 at once.</param>
/// <param name="InputKeys">Full keys of the entries it reads, by input name.</param>
/// <param name="DependsOn">Ids of the jobs of this run that must succeed first (jobs for cached inputs are not in the run).</param>
/// <param name="Threads">CPU threads it uses (libtorch intra-op; Slurm's --cpus-per-task).</param>
/// <param name="Label">What it does, for progress and errors ("trajectory exp0, exp1, exp2").</param>
/// <param name="Experiments">The experiments whose results depend on it (a failure is recorded for each).</param>
/// <param name="Payload">What the stage needs besides its inputs (e.g. the resolved configs of the runs it serves).</param>
public sealed record JobSpec(
    string Id,
    string Stage,
    string Key,
    IReadOnlyDictionary<string, string> InputKeys,
    IReadOnlyList<string> DependsOn,
    int Threads,
    string Label,
    IReadOnlyList<string> Experiments,
    JsonObject Payload);
