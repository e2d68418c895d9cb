using Streetcar.Cli.Output;
using Streetcar.Core.Cache;
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
    /// earlier with the same inputs, or with an invalid config), in name order; the others are cached.
    /// </summary>
    public IReadOnlyList<string> Run(Goal goal)
    {
        var failures = new FailureLog(ctx.Workspace);
        var failed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, error) in run.InvalidExperiments)
        {
            ctx.Console.Error($"{name} failed: {error}");
            failures.Record(name, $"config: {error}");
            failed.Add(name);
        }
        var retry = options.Forced.Count > 0;
        var chosen = new List<(Experiment Experiment, PreparedData Data)>();
        foreach (var experiment in run.Experiments)
        {
            if (!retry && failures.FailedForGood(experiment.Name, experiment.TrainKey) is { } previous)
            {
                ctx.Console.Error($"{experiment.Name} skipped: it failed before with the same inputs ({previous}); --force retries");
                failed.Add(experiment.Name);
                continue;
            }
            try
            {
                chosen.Add((experiment, run.PreparedFor(experiment)));
            }
            catch (PipelineException e) when (e is not DataException)
            {
                Fail(failures, failed, experiment, "prepare", e);
            }
        }

        var jobs = Plan(goal, chosen);
        _board = new JobBoard(ctx.Console, jobs.Count);
        JobScheduler.Run(jobs, options.Jobs, _board.Started, _board.Finished);

        foreach (var (experiment, _) in chosen)
        {
            var own = jobs.Where(j => j.Experiments.Contains(experiment.Name)).ToArray();
            if (own.FirstOrDefault(j => j.Status == JobStatus.Failed) is { } job)
            {
                Fail(failures, failed, experiment, job.Label, job.Error!);
            }
            else if (own.Any(j => j.Status == JobStatus.Skipped))
            {
                failed.Add(experiment.Name);
            }
            else
            {
                failures.Clear(experiment.Name);
            }
        }
        return failed.ToArray();
    }

    /// <summary>The jobs for what is not cached yet, in experiment order; a damaged entry counts as missing.</summary>
    private List<Job> Plan(Goal goal, IReadOnlyList<(Experiment Experiment, PreparedData Data)> chosen)
    {
        var needs = new List<(Experiment Experiment, PreparedData Data, bool Train, bool Evaluate, CacheEntry? Model)>();
        var groups = new Dictionary<CacheKey, List<Experiment>>();
        foreach (var (experiment, data) in chosen)
        {
            var evaluate = goal == Goal.Evaluate && (options.IsForced(StageTable.Evaluate) || !ctx.Cache.TryOpen(experiment.EvaluateKey, out _));
            // The model entry is checked even when the metrics are cached: the report reads its history, so a
            // damaged model entry must be rebuilt here, not show up as "not trained" in the report.
            CacheEntry? model = null;
            var train = options.IsForced(StageTable.Train) || !ctx.Cache.TryOpen(experiment.TrainKey, out model);
            needs.Add((experiment, data, train, evaluate, model));
            if (train)
            {
                var shape = options.Sharing ? experiment.TrajectoryShape : Unshared(experiment);
                if (!groups.TryGetValue(shape, out var members))
                {
                    groups.Add(shape, members = []);
                }
                members.Add(experiment);
            }
            else
            {
                ctx.Console.Info($"train {experiment.Name}: cached ({experiment.TrainKey}), nothing to train");
            }
            if (goal == Goal.Evaluate && !evaluate)
            {
                ctx.Console.Info($"evaluate {experiment.Name}: cached ({experiment.EvaluateKey})");
            }
        }

        // Trajectories first: they are the long jobs, and everything else waits for them.
        var jobs = new List<Job>();
        var trajectoryOf = new Dictionary<string, (Job Job, Func<CacheEntry> Entry)>(StringComparer.Ordinal);
        foreach (var (shape, members) in groups)
        {
            var names = members.Select(m => m.Name).ToArray();
            var label = string.Join(", ", names);
            var data = needs.First(n => n.Experiment == members[0]).Data;
            CacheEntry? entry = null;
            var job = new Job($"trajectory {label}", names, members[0].Config.Threads, () => entry = TrajectoryStep.Ensure(
                ctx, shape, members, data, options.IsForced(StageTable.Trajectory), [_board!.Epochs(label)]), []);
            jobs.Add(job);
            foreach (var name in names)
            {
                trajectoryOf[name] = (job, () => entry!);
            }
        }
        foreach (var (experiment, data, train, evaluate, cachedModel) in needs)
        {
            var threads = experiment.Config.Threads;
            var model = cachedModel;
            Job? trainJob = null;
            if (train)
            {
                var trajectory = trajectoryOf[experiment.Name];
                trainJob = new Job($"train {experiment.Name}", [experiment.Name], threads, () => model = TrainStep.Ensure(
                    ctx, experiment, trajectory.Entry, data, options.IsForced(StageTable.Train)), [trajectory.Job]);
                jobs.Add(trainJob);
            }
            if (evaluate)
            {
                jobs.Add(new Job($"evaluate {experiment.Name}", [experiment.Name], threads, () => EvaluateStep.Ensure(
                    ctx, experiment, model!, data, options.IsForced(StageTable.Evaluate)), trainJob is null ? [] : [trainJob]));
            }
        }
        return jobs;
    }

    /// <summary>With sharing off, a trajectory of the experiment's own (for measuring what sharing saves).</summary>
    private static CacheKey Unshared(Experiment experiment) =>
        CacheKeyBuilder.For(StageTable.Trajectory.Name, StageTable.Trajectory.Version)
            .Input("shape", experiment.TrajectoryShape).Param("unshared", experiment.Name).Build();

    private void Fail(FailureLog failures, ISet<string> failed, Experiment experiment, string what, Exception error)
    {
        // A pipeline error fails the same way with the same inputs (skipped until they change); anything else,
        // such as an I/O error, is retried next run.
        failures.Record(experiment.Name, $"{what}: {error.Message}", experiment.TrainKey, final: error is PipelineException);
        failed.Add(experiment.Name);
    }
}
