using System.Runtime.InteropServices;
using Streetcar.Core.Json;

namespace Streetcar.Cli.Pipeline;

/// <summary>One experiment's stage durations, as measured when its cache entries were built.</summary>
public sealed record ExperimentTimings(string Experiment, double? TrainSeconds, double? EvaluateSeconds);

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
        run.Experiments.Select(e => new ExperimentTimings(
            e.Name,
            ctx.Cache.TryOpen(e.TrainKey, out var train) ? StageTiming.Read(train.Folder)?.Seconds : null,
            ctx.Cache.TryOpen(e.EvaluateKey, out var evaluate) ? StageTiming.Read(evaluate.Folder)?.Seconds : null)).ToList());

    public void Write(Workspace workspace) => StableJson.Write(workspace.RunInfo, this);
}
