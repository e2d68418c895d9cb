using System.Globalization;
using Streetcar.Cli.Models;
using Streetcar.Cli.Output;
using Streetcar.Core.Cache;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Ledger;
using Streetcar.Pipeline.Planning;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Brings the chosen experiments to a goal: skips experiments that failed for good with the same inputs, prepares
/// their splits, has the planner derive the jobs from the stage graphs (<see cref="Planner"/>: what is cached,
/// trajectories shared by experiments of one shape), runs them on the chosen executor, and records each
/// experiment's failure without stopping the others (<see cref="FailureLog"/>). Verbs and Cake targets only say
/// how far to go.
/// </summary>
public sealed class PipelineEngine(PipelineContext ctx, PipelineRun run, EngineOptions options, IJobExecutor executor)
{
    /// <summary>How far a run goes.</summary>
    public enum Goal
    {
        /// <summary>Every chosen experiment's model folder.</summary>
        Train,

        /// <summary>Every chosen experiment's metrics (and so its model).</summary>
        Evaluate,

        /// <summary>
        /// Every chosen experiment's kept model scored on the validation split only (<see cref="Sweeps.ValidateStep"/>):
        /// what a sweep ranks points by, without touching the test split.
        /// </summary>
        Validate,
    }

    /// <summary>
    /// Brings every chosen experiment up to <paramref name="goal"/>. Returns the experiments that failed (now,
    /// earlier with the same inputs, or with an invalid config), in name order, each with why; the others are
    /// cached. Failures are not printed here: the verb says them in one line (progress lines show each job's).
    /// A data error or a cancellation of any job stops the run and is thrown.
    /// </summary>
    public IReadOnlyList<EngineFailure> Run(Goal goal)
    {
        var failures = new FailureLog(ctx.Workspace);
        var failed = new SortedDictionary<string, EngineFailure>(StringComparer.Ordinal);
        foreach (var (name, error) in run.InvalidExperiments)
        {
            failures.Record(name, $"config: {error}");
            failed[name] = new EngineFailure(name, error, ExitCodes.Config);
        }
        var retry = options.Forced.Count > 0;
        var chosen = new List<(Experiment Experiment, ExperimentRun Run)>();
        foreach (var experiment in run.Experiments)
        {
            if (!retry && failures.FailedForGood(experiment.Name, experiment.Key) is { } previous)
            {
                failed[experiment.Name] = new EngineFailure(experiment.Name, $"skipped: it failed before with the same inputs ({previous}); --force retries", ExitCodes.Pipeline);
                continue;
            }
            try
            {
                foreach (var r in experiment.Runs)
                {
                    run.PreparedFor(r);
                }
                chosen.AddRange(experiment.Runs.Select(r => (experiment, r)));
            }
            catch (PipelineException e) when (e is not DataException)
            {
                Fail(failures, failed, experiment, "prepare", e.Message, e.ExitCode, final: true);
            }
        }

        var goalStage = goal switch
        {
            Goal.Train => StageTable.Train.Name,
            Goal.Validate => StageTable.Validate.Name,
            _ => StageTable.Evaluate.Name,
        };
        var roots = new Dictionary<string, CacheKey> { [StageTable.GridRoot] = run.GridKey };
        var targets = chosen.Select(c => new PlanTarget(c.Run.AsStageRun, ModelKinds.GraphOf(c.Run.Config), goalStage, roots)).ToArray();
        // The splits were just verified or built by prepare: the probe does not hash them again.
        var plan = Planner.Plan(targets, new CacheProbe(ctx.Cache, chosen.Select(c => c.Run.SplitKey)), options.Plan);
        foreach (var planned in plan.Runs)
        {
            // The split is prepare's to report; the entries after it say they are cached, as the jobs say what they build.
            foreach (var stage in planned.Cached.Where(s => s != StageTable.Split))
            {
                ctx.Console.Info($"{stage.Name} {planned.Run.Label}: cached ({planned.Keys[stage.Name]})");
            }
        }

        var board = new JobBoard(ctx.Console, plan.Jobs.Count);
        var runFolder = RunFolder();
        if (plan.Jobs.Count > 0)
        {
            RunFolders.Claim(runFolder);
        }
        var results = plan.Jobs.Count == 0 ? [] : executor.Run(plan.Jobs, new JobLauncher(new StageHost(ctx)), runFolder, board.On, ctx.Cancel);
        var byId = results.ToDictionary(r => r.Id, StringComparer.Ordinal);
        if (results.Count > 0)
        {
            // Written once, whatever happened: the run's keys, outcomes and timings, and the chain that bounded it.
            var ledger = RunLedger.Of(executor.Name, plan, results);
            ledger.Write(runFolder);
            // Old runs' folders go once this one is the latest: the last RunFolders.Kept stay, and any still running.
            RunFolders.Prune(Path.GetDirectoryName(runFolder)!);
            var (seconds, chain) = ledger.CriticalPath();
            ctx.Console.Info(string.Create(CultureInfo.InvariantCulture,
                $"critical path: {seconds:F1} s ({string.Join(" → ", chain.Select(j => j.Label))}), the wall time on unbounded workers; ledger {Path.GetRelativePath(ctx.Workspace.Root, Path.Combine(runFolder, RunLedger.FileName))}"));
        }
        if (results.Any(r => r.State == JobState.Cancelled))
        {
            ctx.Cancel.ThrowIfCancellationRequested();
            throw new OperationCanceledException("a job was cancelled");
        }
        if (results.FirstOrDefault(r => r.ExitCode == ExitCodes.Data) is { } bad)
        {
            throw new DataException(bad.Error ?? "bad data");
        }

        foreach (var experiment in chosen.Select(c => c.Experiment).Distinct())
        {
            var own = plan.Jobs.Where(j => j.Experiments.Contains(experiment.Name)).ToArray();
            if (own.FirstOrDefault(j => byId[j.Id].State == JobState.Failed) is { } job)
            {
                var result = byId[job.Id];
                Fail(failures, failed, experiment, job.Label, result.Error ?? "failed", result.ExitCode ?? ExitCodes.Pipeline, result.Final);
            }
            else if (own.Any(j => byId[j.Id].State == JobState.Skipped))
            {
                failed[experiment.Name] = new EngineFailure(experiment.Name, "skipped: a job it needs failed", ExitCodes.Pipeline);
            }
            else
            {
                failures.Clear(experiment.Name);
            }
        }
        return failed.Values.ToArray();
    }

    /// <summary>The folder of the runs' folders, under the cache (not a stage: its name starts with a dot).</summary>
    public const string RunsFolder = ".runs";

    /// <summary>This run's folder for its ledger, job files, outcomes and logs, under the cache: its start time and pid name it.</summary>
    private string RunFolder()
    {
        var started = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(ctx.Cache.Root, RunsFolder, $"{started}-{Environment.ProcessId}");
    }

    private static void Fail(FailureLog failures, IDictionary<string, EngineFailure> failed, Experiment experiment, string what, string error, int exitCode, bool final)
    {
        // A final failure fails the same way with the same inputs (skipped until they change); anything else,
        // such as an I/O error, is retried next run.
        failures.Record(experiment.Name, $"{what}: {error}", experiment.Key, final);
        failed[experiment.Name] = new EngineFailure(experiment.Name, $"{what}: {error}", exitCode);
    }
}
