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
    public static float[] Predict(StreetcarModel model, EncodedSplit split)
    {
        using var scope = NewDisposeScope();
        var codes = TensorSplit.Codes(split, model.Architecture);
        var inputs = model.IndexInput(codes);
        return Trainer.Predict(model, inputs).reshape(-1).data<float>().ToArray();
    }
}
