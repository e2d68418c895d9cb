using System.Text.Json.Nodes;
using Streetcar.Core.Cache;
using Streetcar.Core.Data;
using Streetcar.Train.Training;
using Streetcar.Train.Trajectories;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Trajectory: the training shared by experiments that differ only in their stopping rule. Entries are keyed by
/// shape and length; a cached trajectory at least as long as the members need is used as it is, a shorter one
/// is resumed and extended (a new, longer entry), so no epoch of a shape is trained twice.
/// </summary>
public static class TrajectoryStep
{
    /// <summary>
    /// A trajectory of <paramref name="shape"/> long enough to settle every member (their budgets and early
    /// stopping), from the cache or trained now.
    /// </summary>
    public static CacheEntry Ensure(PipelineContext ctx, CacheKey shape, IReadOnlyList<ExperimentRun> members, PreparedData prepared, bool force,
        IReadOnlyList<ITrainingCallback> observers)
    {
        var names = string.Join(", ", members.Select(m => m.Label));
        // One holder per shape: a second run waits here, then finds the first's trajectory cached.
        using var held = ctx.Cache.LockEntry(StageTable.Trajectory.Name, shape.Hash);
        var cached = force ? [] : Cached(ctx.Cache, shape);
        CacheEntry? resume = null;
        foreach (var (key, _) in cached)
        {
            if (ctx.Cache.TryOpen(key, out var entry))
            {
                if (Settles(members, TrajectoryStage.Read(entry.Folder).Epochs))
                {
                    ctx.Console.Info($"trajectory {names}: cached ({key}), nothing to train");
                    return entry;
                }
                resume = entry; // the longest valid one that is too short, since they come shortest first
            }
        }
        return ctx.Cache.Create(held, folder =>
        {
            var budget = members.Max(m => m.Config.Epochs);
            var recorded = Recorded(folder);
            var cachedEpochs = resume is null ? 0 : TrajectoryStage.Read(resume.Folder).Epochs.Count;
            var from = recorded > cachedEpochs ? $", continuing the {recorded} epochs an interrupted job recorded"
                : resume is null ? "" : $", resuming the cached {cachedEpochs} epochs ({resume.Key})";
            ctx.Console.Info($"trajectory {names}: training up to {budget} epochs{from}");
            var input = new TrajectoryInput(members[0].Config, prepared.Read(PreparedLayout.Train), prepared.Read(PreparedLayout.Valid),
                prepared.Encoders(), budget, records => Settles(members, records), folder)
            {
                ResumeFrom = resume?.Folder,
                Observers = observers,
                Label = names,
            };
            TrajectoryHistory? history = null;
            StageTiming.Measure(folder, () => history = TrajectoryStage.Run(input));
            var builder = EntryKey(shape, history!.Epochs.Count);
            return (builder.Build(), builder.Info(names, $"{history.Epochs.Count} epochs"));
        });
    }

    /// <summary>Epochs an interrupted job recorded in the work folder (0 when none or unreadable; the stage checks it again).</summary>
    private static int Recorded(string folder)
    {
        try
        {
            return File.Exists(Path.Combine(folder, TrajectoryLayout.History)) ? TrajectoryStage.Read(folder).Epochs.Count : 0;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
        {
            return 0;
        }
    }

    /// <summary>True when <paramref name="records"/> decide every member's result (see <see cref="StoppingRule"/>).</summary>
    public static bool Settles(IEnumerable<ExperimentRun> members, IReadOnlyList<EpochRecord> records) =>
        members.All(m => StoppingRule.Apply(records, m.Config.Epochs, m.Config.EarlyStopping).Complete);

    private static CacheKeyBuilder EntryKey(CacheKey shape, int epochs) =>
        CacheKeyBuilder.For(StageTable.Trajectory.Name, StageTable.Trajectory.Version).Input("shape", shape).Param("epochs", epochs);

    /// <summary>The cached trajectories of <paramref name="shape"/> (unverified until opened), shortest first.</summary>
    public static IReadOnlyList<(CacheKey Key, int Epochs)> Cached(StageCache cache, CacheKey shape) =>
        cache.Describe(StageTable.Trajectory.Name)
            .Where(d => d.Info.Inputs.TryGetValue("shape", out var input) && input == "key:" + shape.ToFullString())
            .Select(d => (d.Key, Epochs: JsonNode.Parse(d.Info.Params ?? "{}")?["epochs"]?.GetValue<int>() ?? 0))
            .Where(d => d.Key == EntryKey(shape, d.Epochs).Build()) // a manifest that lies about its length is ignored
            .OrderBy(d => d.Epochs)
            .ToList();
}
