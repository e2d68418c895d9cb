using Streetcar.Core.Data;
using Streetcar.Train.Model;
using Streetcar.Train.Training;
using static TorchSharp.torch;

namespace Streetcar.Train.Inference;

/// <summary>Scores encoded rows with a trained model.</summary>
public static class Predictor
{
    /// <summary>
    /// Probability of a delay for every row of <paramref name="split"/>, in inference mode (moving batch-norm
    /// statistics, no dropout). The split's columns must be the model's, in the same order.
    /// </summary>
    /// <remarks>
    /// The rows are turned into tensors one chunk of <see cref="Trainer.EvaluationChunk"/> at a time, the chunks the
    /// forward pass takes anyway: the same forward calls on the same rows, so the same bits, without first building
    /// the whole split as index tensors (for the 1.9M-row training split about 300 MB of them at once, twice over
    /// when two evaluations run side by side).
    /// </remarks>
    public static float[] Predict(StreetcarModel model, EncodedSplit split)
    {
        // The whole split's shape first (even an empty one), as when it was one tensor: a chunk could not tell.
        TensorSplit.CheckShape(split, model.Architecture);
        var probabilities = new float[split.Rows];
        for (var start = 0; start < split.Rows; start += Trainer.EvaluationChunk)
        {
            var count = Math.Min(Trainer.EvaluationChunk, split.Rows - start);
            using var scope = NewDisposeScope();
            var codes = TensorSplit.Codes(Rows(split, start, count), model.Architecture);
            var inputs = model.IndexInput(codes);
            var chunk = Trainer.Predict(model, inputs).reshape(-1).data<float>().ToArray();
            Array.Copy(chunk, 0, probabilities, start, count);
        }
        return probabilities;
    }

    // Rows [start, start + count) of a split, as a split of their own (its name kept for error messages).
    private static EncodedSplit Rows(EncodedSplit split, int start, int count) =>
        start == 0 && count == split.Rows
            ? split
            : new EncodedSplit(split.Name, split.Columns, split.Codes.Select(c => c.AsSpan(start, count).ToArray()).ToArray(), split.Labels.AsSpan(start, count).ToArray());
}
