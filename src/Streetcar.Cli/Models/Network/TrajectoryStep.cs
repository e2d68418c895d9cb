using System.Text.Json.Nodes;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Pipeline.Stages;
using Streetcar.Train.Training;
using Streetcar.Train.Trajectories;

namespace Streetcar.Cli.Models.Network;

/// <summary>
/// Trajectory: the training shared by experiments that differ only in their stopping rule. Its key is the shape
/// (every key that shapes what SGD does from epoch to epoch; not the stopping rule); entries are keyed by shape
/// and length. A cached trajectory at least as long as the runs need is used as it is, a shorter one is resumed
/// and extended (a new, longer entry), so no epoch of a shape is trained twice.
/// It is not the usual <see cref="Stage"/>: its entry's key is known only once it is trained (its length).
/// </summary>
public sealed class TrajectoryStep : IStage
{
    public string Id => Name;

    public string Name => "trajectory";

    public int Version => TrajectoryStage.Version;

    /// <summary>
    /// Every key that shapes what SGD does from epoch to epoch. Not <c>l2_lambda</c>: it regularises only the book's
    /// text branch, which this model does not have, so no stage reads it and it must not split trajectories.
    /// </summary>
    public IReadOnlyList<string> ConfigKeys { get; } =
        ["batch_size", "dropout_rate", "hidden_layers", "learning_rate", "loss", "one_weight_offset",
         "output_activation", "seeds.shuffle", "seeds.torch", "threads", "weighting", "zero_weight"];

    public IReadOnlyList<StageInput> Inputs { get; } = [new("prepared", "split")];

    public string Summary => "per-epoch metrics and weights of one training trajectory, resumable";

    public int Threads(ExperimentConfig config) => config.Threads;

    /// <summary>Only the model folders read it: a pruned trajectory is retrained only when a model is.</summary>
    public bool Intermediate => true;

    /// <summary>The shortest valid cached trajectory of <paramref name="key"/> (a shape) that settles every run.</summary>
    public CacheEntry? Open(StageCache cache, CacheKey key, IReadOnlyList<ExperimentConfig> runs)
    {
        foreach (var (entryKey, _) in Cached(cache, key))
        {
            if (cache.TryOpen(entryKey, out var entry) && Settles(runs, TrajectoryStage.Read(entry.Folder).Epochs))
            {
                return entry;
            }
        }
        return null;
    }

    public CacheEntry Build(StageJob job)
    {
        var shape = job.Key;
        var names = job.Labels;
        var configs = job.Runs.Select(r => r.Config).ToArray();
        // One holder per shape: a second run waits here, then finds the first's trajectory cached.
        using var held = job.Cache.LockEntry(Name, shape.Hash);
        CacheEntry? resume = null;
        foreach (var (key, _) in job.Force ? [] : Cached(job.Cache, shape))
        {
            if (job.Cache.TryOpen(key, out var entry))
            {
                if (Settles(configs, TrajectoryStage.Read(entry.Folder).Epochs))
                {
                    job.Progress($"trajectory {names}: cached ({key}), nothing to train");
                    return entry;
                }
                resume = entry; // the longest valid one that is too short, since they come shortest first
            }
        }
        var prepared = job.HostAs<StageHost>().Prepared(job.Inputs["prepared"]);
        return job.Cache.Create(held, folder =>
        {
            var budget = configs.Max(c => c.Epochs);
            var recorded = Recorded(folder);
            var cachedEpochs = resume is null ? 0 : TrajectoryStage.Read(resume.Folder).Epochs.Count;
            var from = recorded > cachedEpochs ? $", continuing the {recorded} epochs an interrupted job recorded"
                : resume is null ? "" : $", resuming the cached {cachedEpochs} epochs ({resume.Key})";
            job.Progress($"trajectory {names}: training up to {budget} epochs{from}");
            var input = new TrajectoryInput(configs[0], prepared.Read(PreparedLayout.Train), prepared.Read(PreparedLayout.Valid),
                prepared.Encoders(), budget, records => Settles(configs, records), folder)
            {
                ResumeFrom = resume?.Folder,
                Observers = [new EpochProgress(names, job.Progress), new CancellationCheck(job.Cancel)],
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

    /// <summary>True when <paramref name="records"/> decide every run's result (see <see cref="StoppingRule"/>).</summary>
    public static bool Settles(IEnumerable<ExperimentConfig> runs, IReadOnlyList<EpochRecord> records) =>
        runs.All(c => StoppingRule.Apply(records, c.Epochs, c.EarlyStopping).Complete);

    private CacheKeyBuilder EntryKey(CacheKey shape, int epochs) =>
        CacheKeyBuilder.For(Name, Version).Input("shape", shape).Param("epochs", epochs);

    /// <summary>The cached trajectories of <paramref name="shape"/> (unverified until opened), shortest first.</summary>
    public IReadOnlyList<(CacheKey Key, int Epochs)> Cached(StageCache cache, CacheKey shape) =>
        cache.Describe(Name)
            .Where(d => d.Info.Inputs.TryGetValue("shape", out var input) && input == "key:" + shape.ToFullString())
            .Select(d => (d.Key, Epochs: JsonNode.Parse(d.Info.Params ?? "{}")?["epochs"]?.GetValue<int>() ?? 0))
            .Where(d => d.Key == EntryKey(shape, d.Epochs).Build()) // a manifest that lies about its length is ignored
            .OrderBy(d => d.Epochs)
            .ToList();
}
