using System.Runtime.InteropServices;
using Streetcar.Core.Json;

namespace Streetcar.Cli.Pipeline;

/// <summary>One experiment's stage durations, as measured when its cache entries were built.</summary>
/// <param name="Experiment">The run (<c>exp3#2</c>).</param>
/// <param name="TrajectorySeconds">Training time of the trajectory it shares (the same for every run of it).</param>
/// <param name="EvaluateSeconds">Its evaluation time.</param>
public sealed record ExperimentTimings(string Experiment, double? TrajectorySeconds, double? EvaluateSeconds);

/// <summary>
/// results/run-info.json: the machine facts and durations that must stay out of results/report.md (which is
/// diffed between commits). Gitignored, rewritten by every report.
/// </summary>
public sealed record RunInfo(string Machine, int Cores, string Os, string Runtime, IReadOnlyList<ExperimentTimings> Experiments)
{
    public static RunInfo Gather(PipelineContext ctx, PipelineRun run) => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        run.Runs.Select(r => new ExperimentTimings(
            r.Label,
            Trajectories(ctx, r.TrajectoryShape),
            ctx.Cache.TryOpen(r.EvaluateKey, out var evaluate) ? StageTiming.Read(evaluate.Folder)?.Seconds : null)).ToList());

    /// <summary>Seconds spent training the cached trajectories of <paramref name="shape"/> (each entry's own epochs).</summary>
    private static double? Trajectories(PipelineContext ctx, Core.Cache.CacheKey? shape)
    {
        if (shape is null)
        {
            return null;
        }
        var seconds = StageTable.Trajectory.Cached(ctx.Cache, shape)
            .Select(t => StageTiming.Read(ctx.Cache.EntryFolder(t.Key))?.Seconds)
            .OfType<double>()
            .ToArray();
        return seconds.Length == 0 ? null : seconds.Sum();
    }

    /// <summary>Writes it to <paramref name="path"/> (inside the results tree being built).</summary>
    public void Write(string path) => StableJson.Write(path, this);
}
