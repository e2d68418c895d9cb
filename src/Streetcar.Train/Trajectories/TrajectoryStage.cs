using Streetcar.Core.Errors;
using Streetcar.Core.Json;
using Streetcar.Core.Randomness;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Trajectories;

/// <summary>
/// The Trajectory stage: trains the model of one trajectory shape (data, split, seeds, model, optimizer,
/// weighting, batch size) epoch after epoch and records every epoch's metrics and weights, until every
/// experiment sharing it is settled. Experiments that differ only in their stopping rule are prefixes of one
/// trajectory (see <see cref="TrainStage.Derive"/>), so their epochs are trained once.
/// </summary>
public static class TrajectoryStage
{
    /// <summary>Version of the stage's logic; part of every trajectory (and so every train) cache key.</summary>
    /// <remarks>
    /// 2: the managed training step (sums in another order); 3: epoch records carry val_roc_auc, val_pr_auc and
    /// val_weighted_loss (the older numbers unchanged); 4: models with hidden layers train on the managed step too,
    /// and the per-epoch validation of every managed model is computed in managed code (the book's training
    /// bits unchanged, its validation figures within float rounding of the libtorch pass's).
    /// 5: TF 2's Keras loss (ε inside the log for hard_sigmoid, the logits for sigmoid) in training and validation.
    /// </remarks>
    public const int Version = 5;

    /// <summary>
    /// Trains (or extends) and writes the trajectory folder <see cref="TrajectoryInput.OutputFolder"/>. It continues
    /// the longer of what the folder already records (a job killed part way: <see cref="ProgressCheckpoint"/>) and
    /// <see cref="TrajectoryInput.ResumeFrom"/>, from the last recorded epoch's weights and generator states, so
    /// its epochs are the ones an uninterrupted run trains, bit for bit, and so are the files it leaves.
    /// </summary>
    public static TrajectoryHistory Run(TrajectoryInput input)
    {
        var config = input.Config;
        foreach (var split in new[] { input.Train, input.Valid })
        {
            if (split.Rows == 0)
            {
                throw new DataException($"{split.Name}: the split has no rows");
            }
        }
        var folder = input.OutputFolder;
        Directory.CreateDirectory(Path.Combine(folder, TrajectoryLayout.WeightsFolder));
        var architecture = TrainStage.Architecture(config, input.Train, input.Encoders, input.Form);
        var weights = ClassWeights.From(config, input.Train);
        using var model = TrainStage.CreateModel(architecture, config);
        var shuffle = new SplitMix64((ulong)config.Seeds.Shuffle);
        var start = Progress(folder, weights);
        if (input.ResumeFrom is { } earlier && Read(earlier) is { } previous && previous.Epochs.Count > (start?.Epochs.Count ?? 0))
        {
            foreach (var record in previous.Epochs)
            {
                File.Copy(Path.Combine(earlier, TrajectoryLayout.EpochWeights(record.Epoch)), Path.Combine(folder, TrajectoryLayout.EpochWeights(record.Epoch)), overwrite: true);
            }
            start = previous;
        }
        var records = new List<EpochRecord>(start?.Epochs ?? []);
        DropUnrecorded(folder, records.Count);
        if (start is not null && records.Count > 0)
        {
            model.load(Path.Combine(folder, TrajectoryLayout.EpochWeights(records.Count)));
            model.Dropout.GeneratorState = start.DropoutState;
            shuffle = new SplitMix64(start.ShuffleState);
        }
        if (records.Count < input.MaxEpochs && !input.Settled(records))
        {
            var (trainSplit, validSplit) = TensorSplits(input, model, weights);
            using var train = trainSplit;
            using var valid = validSplit;
            var callbacks = new List<ITrainingCallback>
            {
                new EpochWeightsWriter(model, folder),
                new ProgressCheckpoint(model, shuffle, weights, records, folder),
                new SettledStop(records, input.Settled),
            };
            callbacks.AddRange(input.Observers);
            var options = new TrainingOptions(input.Label, input.MaxEpochs, config.BatchSize, config.LearningRate, (ulong)config.Seeds.Shuffle, weights.Zero, weights.One);
            records.AddRange(Trainer.Fit(model, train, valid, options, callbacks, shuffle, firstEpoch: records.Count + 1));
        }
        var history = new TrajectoryHistory(records, weights.Zero, weights.One, shuffle.State, model.Dropout.GeneratorState);
        WriteHistory(folder, history);
        StableJson.Write(Path.Combine(folder, TrajectoryLayout.Architecture), architecture);
        return history;
    }

    /// <summary>
    /// Writes <c>trajectory.json</c> whole or not at all (a temporary file flushed to disk, then one rename): a kill
    /// while recording progress leaves the previous record.
    /// </summary>
    public static void WriteHistory(string folder, TrajectoryHistory history)
    {
        var path = Path.Combine(folder, TrajectoryLayout.History);
        var partial = path + PartialSuffix;
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(StableJson.Serialize(history)));
            stream.Flush(flushToDisk: true);
        }
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Suffix of a history being written (see <see cref="WriteHistory"/>).</summary>
    private const string PartialSuffix = ".partial";

    /// <summary>
    /// The progress a killed job recorded in <paramref name="folder"/>, or null when there is none to trust: no
    /// record, an unreadable one, other class weights (not this trajectory's), or its last epoch's weights missing.
    /// </summary>
    private static TrajectoryHistory? Progress(string folder, ClassWeights weights)
    {
        if (!File.Exists(Path.Combine(folder, TrajectoryLayout.History)))
        {
            return null;
        }
        try
        {
            var recorded = Read(folder);
            var sound = recorded.ZeroWeight.Equals(weights.Zero) && recorded.OneWeight.Equals(weights.One)
                && recorded.Epochs.Select(r => r.Epoch).SequenceEqual(Enumerable.Range(1, recorded.Epochs.Count))
                && (recorded.Epochs.Count == 0 || File.Exists(Path.Combine(folder, TrajectoryLayout.EpochWeights(recorded.Epochs.Count))));
            return sound ? recorded : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes what a killed job wrote after its last record (later epochs' weights, a half-written record), so the
    /// folder holds exactly what an uninterrupted run would have at epoch <paramref name="recorded"/>.
    /// </summary>
    private static void DropUnrecorded(string folder, int recorded)
    {
        var kept = Enumerable.Range(1, recorded).Select(e => Path.GetFullPath(Path.Combine(folder, TrajectoryLayout.EpochWeights(e)))).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, TrajectoryLayout.WeightsFolder)))
        {
            if (!kept.Contains(Path.GetFullPath(file)))
            {
                File.Delete(file);
            }
        }
        File.Delete(Path.Combine(folder, TrajectoryLayout.History + PartialSuffix));
        if (recorded == 0)
        {
            File.Delete(Path.Combine(folder, TrajectoryLayout.History));
        }
    }

    /// <summary>
    /// The splits as tensors. Building them briefly needs several times their final size (codes, transposes,
    /// int64 copies), so trajectories running side by side build theirs one at a time, and the managed garbage it
    /// leaves (hundreds of MB the GC would not hurry to reclaim, since most of the memory here is native) is
    /// collected before training starts: this keeps a run's peak memory near the sum of what the jobs hold.
    /// </summary>
    private static (TensorSplit Train, TensorSplit Valid) TensorSplits(TrajectoryInput input, StreetcarModel model, ClassWeights weights)
    {
        lock (SetupLock)
        {
            var train = TensorSplit.From(input.Train, model, weights);
            var valid = TensorSplit.From(input.Valid, model, new ClassWeights(1.0, 1.0));
            GC.Collect();
            return (train, valid);
        }
    }

    private static readonly Lock SetupLock = new();

    /// <summary>Reads the history of the trajectory folder <paramref name="folder"/>.</summary>
    public static TrajectoryHistory Read(string folder) => StableJson.Read<TrajectoryHistory>(Path.Combine(folder, TrajectoryLayout.History));
}
