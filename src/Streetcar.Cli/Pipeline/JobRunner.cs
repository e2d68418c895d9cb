using System.Diagnostics;
using Streetcar.Cli.Models;
using Streetcar.Core.Cache;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Planning;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// The one way a job runs, on a thread of a run (<c>--executor local</c>) or in a fresh process (`streetcar exec`):
/// from its job spec alone, its inputs opened from the cache by key, its stage building its entry.
/// </summary>
public static class JobRunner
{
    /// <summary>Runs <paramref name="job"/> on the calling thread; never throws for a failure of the job.</summary>
    /// <param name="where">Where it runs, for the ledger ("thread", "pid 1234").</param>
    public static JobResult Run(JobSpec job, StageHost host, Action<string> progress, string where)
    {
        var watch = Stopwatch.StartNew();
        JobResult Ended(JobState state, string? error = null, int? exitCode = null, bool final = false) =>
            new(job.Id, state, error, exitCode, final, watch.Elapsed, where);
        try
        {
            var (stage, payload) = Resolve(job);
            var cache = host.Context.Cache;
            var configs = payload.Runs.Select(r => r.Config).ToArray();
            var graph = ModelKinds.GraphOf(configs[0]);
            var inputs = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
            foreach (var input in stage.Inputs)
            {
                var key = CacheKey.Parse(job.InputKeys[input.Name]);
                var entry = graph.Contains(input.Stage) ? graph[input.Stage].Open(cache, key, configs) : cache.TryOpen(key, out var root) ? root : null;
                inputs[input.Name] = entry ?? throw new PipelineException($"its input {input.Name} ({key}) is not in the cache");
            }
            stage.Build(new StageJob(job, payload.Runs, inputs, cache, payload.Force, progress, host, host.Context.Cancel));
            return Ended(JobState.Succeeded);
        }
        catch (OperationCanceledException)
        {
            return Ended(JobState.Cancelled, "cancelled");
        }
        catch (PipelineException e)
        {
            // A pipeline error fails the same way with the same inputs (skipped until they change).
            return Ended(JobState.Failed, e.Message, e.ExitCode, final: true);
        }
        catch (Exception e)
        {
            // Anything else, such as an I/O error, may not happen again: the next run retries it.
            return Ended(JobState.Failed, e.Message, ExitCodes.Pipeline);
        }
    }

    /// <summary>True when <paramref name="job"/>'s entry is cached and its stage not forced: `exec` then has nothing to do.</summary>
    public static bool IsCached(JobSpec job, StageCache cache)
    {
        var (stage, payload) = Resolve(job);
        return !payload.Force && stage.Open(cache, CacheKey.Parse(job.Key), payload.Runs.Select(r => r.Config).ToArray()) is not null;
    }

    private static (IStage Stage, JobPayload Payload) Resolve(JobSpec job) => (StageTable.ById(job.Stage), JobPayload.From(job.Payload));
}
