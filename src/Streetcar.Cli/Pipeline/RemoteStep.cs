using System.Globalization;
using Streetcar.Core.Cache;
using Streetcar.Remote;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// <c>--remote</c> on a pipeline verb: before the engine plans, pull the entries whose keys the run computes
/// (grid, splits, models, metrics and the trajectories of its shapes) that the local cache lacks; after the verb
/// succeeded, push the same set's local entries the remote lacks. A run that pulled everything plans nothing.
/// </summary>
public sealed class RemoteStep(PipelineContext ctx, RemoteSync sync, string name)
{
    /// <summary>The remote <paramref name="spec"/> names, or null without <c>--remote</c>; resolved before any work, so a bad one fails first.</summary>
    public static RemoteStep? Open(PipelineContext ctx, string? spec)
    {
        if (spec is null)
        {
            return null;
        }
        var store = RemoteResolver.Open(spec, ctx.Workspace.Root, required: true)!;
        return new RemoteStep(ctx, new RemoteSync(ctx.Cache, store, ctx.Console.Info, ctx.Console.Warn), store.Name);
    }

    /// <summary>Every entry the runs of <paramref name="run"/> read or write.</summary>
    public static RemoteSelection For(PipelineRun run) => For(run.GridKey, run.Runs);

    public static RemoteSelection For(CacheKey grid, IEnumerable<ExperimentRun> runs)
    {
        var keys = new HashSet<CacheKey> { grid };
        var shapes = new HashSet<CacheKey>();
        foreach (var r in runs)
        {
            keys.UnionWith([r.SplitKey, r.TrainKey, r.EvaluateKey]);
            if (r.TrajectoryShape is { } shape)
            {
                shapes.Add(shape);
            }
        }
        return new RemoteSelection(keys, shapes);
    }

    public void Pull(PipelineRun run) => Say("pull", sync.Pull(For(run)));

    public void Push(PipelineRun run) => Say("push", sync.Push(For(run)));

    /// <summary>The one summary line of a push or pull.</summary>
    public static string Summary(string verb, string remote, SyncSummary s)
    {
        var damaged = s.Damaged > 0 ? $", {s.Damaged} damaged skipped" : "";
        var already = verb == "push" ? "already on the remote" : "already local";
        return string.Create(CultureInfo.InvariantCulture,
            $"remote {remote}: {verb} {s.Moved} entries ({s.Bytes / 1e6:0.0} MB in {s.Elapsed.TotalSeconds:0.0} s, {s.MegabytesPerSecond:0.0} MB/s), {s.Present} {already}{damaged}");
    }

    private void Say(string verb, SyncSummary summary) => ctx.Console.Info(Summary(verb, name, summary));
}
