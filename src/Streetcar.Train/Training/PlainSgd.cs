using static TorchSharp.torch;

namespace Streetcar.Train.Training;

/// <summary>
/// Keras SGD without momentum or decay: w ← w − lr·∂L/∂w, then the gradient is zeroed for the next batch.
/// Written out because it is one op per parameter, less than the general optimizer's bookkeeping.
/// </summary>
public sealed class PlainSgd(IEnumerable<Tensor> parameters, double learningRate)
{
    private readonly Tensor[] _parameters = parameters.ToArray();

    /// <summary>Step size.</summary>
    public double LearningRate => learningRate;

    /// <summary>Applies the step for the gradients accumulated since the last call, then zeroes them.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        foreach (var parameter in _parameters)
        {
            using var grad = parameter.grad;
            if (grad is null)
            {
                continue;
            }
            parameter.add_(grad, -learningRate);
            grad.zero_();
        }
    }
}
