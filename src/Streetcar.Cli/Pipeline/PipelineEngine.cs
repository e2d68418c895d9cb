using Streetcar.Cli.Output;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// The one place that decides what runs: for the chosen experiments it plans the jobs that are not cached
/// (trajectories shared by experiments of one shape, model folders, evaluations), skips experiments that failed
/// for good with the same inputs, runs the jobs in parallel (<see cref="JobScheduler"/>), and records each
/// experiment's failure without stopping the others (<see cref="FailureLog"/>). Verbs and Cake targets only say
/// how far to go.
/// </summary>
public sealed class PipelineEngine(PipelineContext ctx, PipelineRun run, EngineOptions options)
{
    private JobBoard? _board;

    /// <summary>How far a run goes.</summary>
    public enum Goal
    {
        /// <summary>Every chosen experiment's model folder.</summary>
        Train,

        /// <summary>Every chosen experiment's metrics (and so its model).</summary>
        Evaluate,
    }

    /// <summary>
    /// Brings every chosen experiment up to <paramref name="goal"/>. Returns the experiments that failed (now,
    /// earlier with the same inputs, or with an invalid config), in name order, each with why; the others are
    /// cached. Failures are not printed here: the verb says them in one line (progress lines show each job's).
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
        var chosen = new List<(ExperimentRun Run, PreparedData Data)>();
        foreach (var experiment in run.Experiments)
        {
            if (!retry && failures.FailedForGood(experiment.Name, experiment.Key) is { } previous)
            {
                failed[experiment.Name] = new EngineFailure(experiment.Name, $"skipped: it failed before with the same inputs ({previous}); --force retries", ExitCodes.Pipeline);
                continue;
            }
            try
            {
                chosen.AddRange(experiment.Runs.Select(r => (r, run.PreparedFor(r))).ToArray());
            }
            catch (PipelineException e) when (e is not DataException)
            {
                Fail(failures, failed, experiment, "prepare", e);
            }
        }

        var jobs = Plan(goal, chosen);
        _board = new JobBoard(ctx.Console, jobs.Count);
        JobScheduler.Run(jobs, options.Jobs, _board.Started, _board.Finished);

        foreach (var experiment in run.Experiments.Where(e => chosen.Any(c => c.Run.Experiment == e.Name)))
        {
            var own = jobs.Where(j => j.Experiments.Contains(experiment.Name)).ToArray();
            if (own.FirstOrDefault(j => j.Status == JobStatus.Failed) is { } job)
            {
                Fail(failures, failed, experiment, job.Label, job.Error!);
            }
            else if (own.Any(j => j.Status == JobStatus.Skipped))
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

    /// <summary>The jobs for what is not cached yet, in run order; a damaged entry counts as missing.</summary>
    private List<Job> Plan(Goal goal, IReadOnlyList<(ExperimentRun Run, PreparedData Data)> chosen)
    {
        var needs = new List<(ExperimentRun Run, PreparedData Data, bool Train, bool Evaluate, CacheEntry? Model)>();
        var groups = new Dictionary<CacheKey, List<ExperimentRun>>();
        foreach (var (run, data) in chosen)
        {
            var evaluate = goal == Goal.Evaluate && (options.IsForced(StageTable.Evaluate) || !ctx.Cache.TryOpen(run.EvaluateKey, out _));
            // The model entry is checked even when the metrics are cached: the report reads its history, so a
            // damaged model entry must be rebuilt here, not show up as "not trained" in the report.
            CacheEntry? model = null;
            var train = options.IsForced(StageTable.Train) || !ctx.Cache.TryOpen(run.TrainKey, out model);
            needs.Add((run, data, train, evaluate, model));
            if (train && run.Config.Model == ModelKind.Network)
            {
                var shape = options.Sharing ? run.TrajectoryShape : Unshared(run);
                if (!groups.TryGetValue(shape, out var members))
                {
                    groups.Add(shape, members = []);
                }
                members.Add(run);
            }
            else if (!train)
            {
                ctx.Console.Info($"train {run.Label}: cached ({run.TrainKey}), nothing to train");
            }
            if (goal == Goal.Evaluate && !evaluate)
            {
                ctx.Console.Info($"evaluate {run.Label}: cached ({run.EvaluateKey})");
            }
        }

        // Trajectories first: they are the long jobs, and everything else waits for them.
        var jobs = new List<Job>();
        var trajectoryOf = new Dictionary<ExperimentRun, (Job Job, Func<CacheEntry> Entry)>();
        foreach (var (shape, members) in groups)
        {
            var label = string.Join(", ", members.Select(m => m.Label));
            var data = needs.First(n => n.Run == members[0]).Data;
            CacheEntry? entry = null;
            var job = new Job($"trajectory {label}", members.Select(m => m.Experiment).Distinct().ToArray(), members[0].Config.Threads,
                () => entry = TrajectoryStep.Ensure(ctx, shape, members, data, options.IsForced(StageTable.Trajectory), [_board!.Epochs(label), new Train.Training.CancellationCheck(ctx.Cancel)]), []);
            jobs.Add(job);
            foreach (var member in members)
            {
                trajectoryOf[member] = (job, () => entry!);
            }
        }
        foreach (var (run, data, train, evaluate, cachedModel) in needs)
        {
            var threads = run.Config.Model == ModelKind.GradientBoosting ? run.Config.GradientBoosting.Threads : run.Config.Threads;
            var model = cachedModel;
            Job? trainJob = null;
            if (train && run.Config.Model == ModelKind.GradientBoosting)
            {
                // No trajectory: the fit is the whole training, so it starts with the trajectories.
                trainJob = new Job($"train {run.Label}", [run.Experiment], threads, () => model = BoostingStep.Ensure(
                    ctx, run, data, options.IsForced(StageTable.TrainBoosting)), []);
                jobs.Add(trainJob);
            }
            else if (train)
            {
                var trajectory = trajectoryOf[run];
                trainJob = new Job($"train {run.Label}", [run.Experiment], threads, () => model = TrainStep.Ensure(
                    ctx, run, trajectory.Entry, data, options.IsForced(StageTable.Train)), [trajectory.Job]);
                jobs.Add(trainJob);
            }
            if (evaluate)
            {
                jobs.Add(new Job($"evaluate {run.Label}", [run.Experiment], threads, () => EvaluateStep.Ensure(
                    ctx, run, model!, data, options.IsForced(StageTable.Evaluate)), trainJob is null ? [] : [trainJob]));
            }
        }
        return jobs;
    }

    /// <summary>With sharing off, a trajectory of the experiment's own (for measuring what sharing saves).</summary>
    private static CacheKey Unshared(ExperimentRun run) =>
        CacheKeyBuilder.For(StageTable.Trajectory.Name, StageTable.Trajectory.Version)
            .Input("shape", run.TrajectoryShape).Param("unshared", run.Label).Build();

    private static void Fail(FailureLog failures, IDictionary<string, EngineFailure> failed, Experiment experiment, string what, Exception error)
    {
        // A pipeline error fails the same way with the same inputs (skipped until they change); anything else,
        // such as an I/O error or an entry another run was still building, is retried next run.
        failures.Record(experiment.Name, $"{what}: {error.Message}", experiment.Key, final: error is PipelineException and not CacheBusyException);
        failed[experiment.Name] = new EngineFailure(experiment.Name, $"{what}: {error.Message}", (error as PipelineException)?.ExitCode ?? ExitCodes.Pipeline);
    }
}
