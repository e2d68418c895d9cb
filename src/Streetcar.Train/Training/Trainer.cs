using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Randomness;
using Streetcar.Evaluate.Metrics;
using Streetcar.Train.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Training;

/// <summary>
/// The training loop, Keras 2 style: per epoch, shuffle the rows with <see cref="SplitMix64"/>, take plain SGD
/// steps on batches (loss sum(w·l) / batch size), then validate in inference mode and ask the callbacks
/// whether to go on. Fused models (with or without hidden layers) train and validate in
/// <see cref="FusedTrainingStep"/>; any other form through libtorch's autograd (<see cref="TrainingPlan.Path"/>).
/// </summary>
public static class Trainer
{
    /// <summary>Metric threshold of Keras' binary accuracy (prediction &gt; 0.5 counts as 1).</summary>
    public const double AccuracyThreshold = 0.5;

    /// <summary>Rows per forward pass when predicting: a chunk's intermediates are freed with it.</summary>
    public const int EvaluationChunk = 1 << 16;

    /// <summary>
    /// Trains <paramref name="model"/> in place and returns the records of the epochs it ran. A resumed run passes
    /// the shuffle generator as it stood after epoch <paramref name="firstEpoch"/> − 1 (the model already holding
    /// that epoch's weights and dropout state): the epochs it then runs are those an uninterrupted run would.
    /// </summary>
    public static IReadOnlyList<EpochRecord> Fit(
        StreetcarModel model, TensorSplit train, TensorSplit valid, TrainingOptions options, IReadOnlyList<ITrainingCallback> callbacks,
        SplitMix64? shuffle = null, int firstEpoch = 1)
    {
        var batches = (train.Rows + options.BatchSize - 1) / options.BatchSize;
        var managed = FusedTrainingStep.Supports(model);
        var plan = new TrainingPlan(options.Experiment, options.Epochs, batches, train.Rows, valid.Rows)
        {
            FirstEpoch = firstEpoch,
            Path = managed ? TrainingPath.Managed : TrainingPath.Autograd,
        };
        foreach (var callback in callbacks)
        {
            callback.OnTrainBegin(plan);
        }
        var optimizer = new PlainSgd(model.parameters(), options.LearningRate);
        shuffle ??= new SplitMix64(options.ShuffleSeed);
        var history = new List<EpochRecord>();
        var validLabels = ValidationLabels(valid);
        for (var epoch = firstEpoch; epoch <= options.Epochs; epoch++)
        {
            model.train();
            var (loss, accuracy, valLoss, valAccuracy, valScores) = managed
                ? ManagedEpoch((FusedModel)model, optimizer.LearningRate, train, valid, shuffle, options.BatchSize, epoch, callbacks)
                : AutogradEpoch(model, optimizer, train, valid, shuffle, options.BatchSize, epoch, callbacks);
            var record = new EpochRecord(epoch, loss, accuracy, valLoss, valAccuracy,
                ValidationMonitors.Value(ValidationMonitors.RocAuc, validLabels, valScores),
                ValidationMonitors.Value(ValidationMonitors.PrAuc, validLabels, valScores),
                ValidationMonitors.Value(ValidationMonitors.WeightedLoss, validLabels, valScores, options.ZeroWeight, options.OneWeight, model.Architecture.Activation));
            history.Add(record);
            var stop = false;
            foreach (var callback in callbacks)
            {
                stop |= callback.OnEpochEnd(record) == EpochVerdict.Stop;
            }
            if (stop)
            {
                break;
            }
        }
        foreach (var callback in callbacks)
        {
            callback.OnTrainEnd();
        }
        return history;
    }

    private static (double Loss, double Accuracy, double ValLoss, double ValAccuracy, float[] ValScores) AutogradEpoch(
        StreetcarModel model, PlainSgd optimizer, TensorSplit train, TensorSplit valid, SplitMix64 shuffle, int batchSize, int epoch,
        IReadOnlyList<ITrainingCallback> callbacks)
    {
        var (loss, accuracy) = TrainEpochAutograd(model, optimizer, train, shuffle, batchSize, epoch, callbacks);
        var (valLoss, valAccuracy, valScores) = Validate(model, valid);
        return (loss, accuracy, valLoss, valAccuracy, valScores);
    }

    /// <summary>
    /// A fused model: every step in <see cref="FusedTrainingStep"/>, then the validation pass from the step's own
    /// parameters (no libtorch call in the epoch), the weights written back at the end.
    /// </summary>
    private static (double Loss, double Accuracy, double ValLoss, double ValAccuracy, float[] ValScores) ManagedEpoch(
        FusedModel model, double learningRate, TensorSplit train, TensorSplit valid, SplitMix64 shuffle, int batchSize, int epoch,
        IReadOnlyList<ITrainingCallback> callbacks)
    {
        var rows = train.Rows;
        var order = shuffle.Permutation(rows);
        var columns = (int)train.Inputs.shape[1];
        // One batch at a time, copied just before its step (still in cache when the step reads it).
        var largest = Math.Min(batchSize, rows);
        var inputs = new int[largest * columns];
        var labels = new float[largest];
        var weights = new float[largest];
        var step = new FusedTrainingStep(model);
        var lossSum = 0.0;
        var correct = 0L;
        var batch = 0;
        try
        {
            for (var start = 0; start < rows; start += batchSize)
            {
                batch++;
                var size = Math.Min(batchSize, rows - start);
                train.CopyInOrder(order.AsSpan(start, size), inputs, labels, weights);
                var (loss, right) = step.Step(inputs.AsSpan(0, size * columns), labels.AsSpan(0, size), weights.AsSpan(0, size), learningRate);
                if (double.IsNaN(loss))
                {
                    throw Diverged(epoch, batch);
                }
                lossSum += loss;
                correct += right;
                foreach (var callback in callbacks)
                {
                    callback.OnBatchEnd(epoch, batch);
                }
            }
        }
        finally
        {
            step.Push();
        }
        var (validInputs, validLabels) = valid.InPlace();
        var scores = new float[valid.Rows];
        step.Predict(validInputs, scores);
        // As the autograd path leaves it (its validation pass switches to inference mode).
        model.eval();
        var (valLoss, valAccuracy) = ValidationFigures(scores, validLabels, model.Architecture.Activation);
        return (lossSum / rows, (double)correct / rows, valLoss, valAccuracy, scores);
    }

    /// <summary>
    /// Unweighted loss and accuracy of the probabilities <paramref name="scores"/>, as <see cref="Validate"/>
    /// computes them from libtorch's: each row's Keras cross-entropy in float (<see cref="KerasBinaryCrossEntropy.Row"/>), their mean in double.
    /// </summary>
    public static (double Loss, double Accuracy) ValidationFigures(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, Activation activation)
    {
        var sum = 0.0;
        var correct = 0L;
        for (var r = 0; r < scores.Length; r++)
        {
            sum += KerasBinaryCrossEntropy.Row(scores[r], labels[r], activation);
            correct += (scores[r] > AccuracyThreshold) == (labels[r] > AccuracyThreshold) ? 1 : 0;
        }
        return (sum / scores.Length, (double)correct / scores.Length);
    }

    /// <summary>Any other form (per-column, hidden layers) through libtorch's autograd.</summary>
    private static (double Loss, double Accuracy) TrainEpochAutograd(
        StreetcarModel model, PlainSgd optimizer, TensorSplit train, SplitMix64 shuffle, int batchSize, int epoch,
        IReadOnlyList<ITrainingCallback> callbacks)
    {
        var rows = train.Rows;
        using var epochScope = NewDisposeScope();
        var order = tensor(shuffle.Permutation(rows));
        // The inputs are gathered batch by batch (the same rows, the same contiguous values): a shuffled copy of
        // the whole split would be another 100 MB per job for the epoch.
        var labels = train.Labels.index_select(0, order);
        // Keras divides each batch's weighted sum by the batch size: fold 1 / batch size into the weights.
        var weights = train.Weights.index_select(0, order).div_(batchSize);
        var lossSum = zeros(1, ScalarType.Float64);
        // Each batch's loss, kept on the tensor side (no host sync per batch) to name the first NaN batch.
        var batchLosses = zeros((rows + batchSize - 1) / batchSize, ScalarType.Float64);
        var predictions = empty(rows, 1);
        var batch = 0;
        for (var start = 0; start < rows; start += batchSize)
        {
            batch++;
            var size = Math.Min(batchSize, rows - start);
            using (NewDisposeScope())
            {
                var z = model.Logits(train.Inputs.index_select(0, order.narrow(0, start, size)));
                var p = OutputActivation.Apply(model.Architecture.Activation, z);
                var loss = KerasBinaryCrossEntropy.WeightedSum(z, p, labels.narrow(0, start, size), weights.narrow(0, start, size), model.Architecture.Activation);
                if (size != batchSize)
                {
                    loss = loss.mul((double)batchSize / size);
                }
                loss.backward();
                optimizer.Step();
                lossSum.add_(loss.detach(), size);
                batchLosses[batch - 1].copy_(loss.detach());
                predictions.narrow(0, start, size).copy_(p.detach());
            }
            foreach (var callback in callbacks)
            {
                callback.OnBatchEnd(epoch, batch);
            }
        }
        var total = lossSum.item<double>();
        if (double.IsNaN(total))
        {
            // A NaN output makes that batch's loss NaN (the Keras loss is plain tensor ops, which do not refuse it).
            throw Diverged(epoch, (int)batchLosses.isnan().nonzero()[0, 0].item<long>() + 1);
        }
        var correct = predictions.gt(AccuracyThreshold).eq(labels.gt(AccuracyThreshold)).sum().item<long>();
        return (total / rows, (double)correct / rows);
    }

    private static PipelineException Diverged(int epoch, int batch) =>
        new($"training diverged: the model's output is NaN in epoch {epoch}, batch {batch} (is learning_rate too high?)");

    /// <summary>Unweighted loss and accuracy of <paramref name="split"/> in inference mode.</summary>
    public static (double Loss, double Accuracy) Evaluate(StreetcarModel model, TensorSplit split)
    {
        var (loss, accuracy, _) = Validate(model, split);
        return (loss, accuracy);
    }

    /// <summary>
    /// <see cref="Evaluate"/> plus the probabilities it computed, copied out once so that the ranking monitors cost
    /// a sort of the validation rows per epoch and no second forward pass. The loss and accuracy are computed
    /// exactly as before the monitors existed, so their bits do not move.
    /// </summary>
    private static (double Loss, double Accuracy, float[] Scores) Validate(StreetcarModel model, TensorSplit split)
    {
        using var scope = NewDisposeScope();
        var p = Predict(model, split.Inputs);
        var loss = KerasBinaryCrossEntropy.PerRow(p, split.Labels, model.Architecture.Activation).to_type(ScalarType.Float64).mean().item<double>();
        var correct = p.gt(AccuracyThreshold).eq(split.Labels.gt(AccuracyThreshold)).sum().item<long>();
        return (loss, (double)correct / split.Rows, p.reshape(-1).data<float>().ToArray());
    }

    /// <summary>The 0/1 labels of <paramref name="split"/> as bytes, read once per fit.</summary>
    private static byte[] ValidationLabels(TensorSplit split)
    {
        using var scope = NewDisposeScope();
        return split.Labels.reshape(-1).to_type(ScalarType.Byte).data<byte>().ToArray();
    }

    /// <summary>Probabilities [rows, 1] for indexed <paramref name="inputs"/>, in inference mode.</summary>
    public static Tensor Predict(StreetcarModel model, Tensor inputs)
    {
        model.eval();
        using var inference = inference_mode();
        var rows = inputs.shape[0];
        if (rows == 0)
        {
            return empty(0, 1);
        }
        var parts = new List<Tensor>();
        for (long start = 0; start < rows; start += EvaluationChunk)
        {
            // A chunk's intermediates (the gathered embeddings, the normalised features: tens of MB) are freed
            // with the chunk; in the caller's scope they would pile up to gigabytes over a 1.9M-row split.
            using var chunk = NewDisposeScope();
            parts.Add(model.forward(inputs.narrow(0, start, Math.Min(EvaluationChunk, rows - start))).MoveToOuterDisposeScope());
        }
        return parts.Count == 1 ? parts[0] : cat(parts, 0);
    }
}
