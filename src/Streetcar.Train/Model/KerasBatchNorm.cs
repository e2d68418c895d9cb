using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>
/// Keras 2 BatchNormalization over the last axis of a [batch, features] input: epsilon 1e-3, moving averages
/// with momentum 0.99 (torch momentum 0.01) and, unlike torch, the biased batch variance in the moving
/// variance (Keras' non-fused path, which it takes for the book's 3-D embedding outputs). The state dict keys
/// are torch's (weight, bias, running_mean, running_var).
/// </summary>
public sealed class KerasBatchNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;
    private readonly Tensor _runningMean;
    private readonly Tensor _runningVar;

    /// <summary>Creates the layer for <paramref name="features"/> features: γ = 1, β = 0, moving mean 0, variance 1.</summary>
    public KerasBatchNorm(long features) : base(nameof(KerasBatchNorm))
    {
        _weight = new Parameter(ones(features));
        _bias = new Parameter(zeros(features));
        _runningMean = zeros(features);
        _runningVar = ones(features);
        register_parameter("weight", _weight);
        register_parameter("bias", _bias);
        register_buffer("running_mean", _runningMean);
        register_buffer("running_var", _runningVar);
    }

    /// <summary>γ.</summary>
    public Parameter Weight => _weight;

    /// <summary>β.</summary>
    public Parameter Bias => _bias;

    /// <summary>Moving mean used in inference mode.</summary>
    public Tensor RunningMean => _runningMean;

    /// <summary>Moving (biased) variance used in inference mode.</summary>
    public Tensor RunningVar => _runningVar;

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (!training)
        {
            return nn.functional.batch_norm(input, _runningMean, _runningVar, _weight, _bias, false,
                ModelArchitecture.BatchNormTorchMomentum, ModelArchitecture.BatchNormEpsilon);
        }
        var rows = input.shape[0];
        var m = ModelArchitecture.BatchNormTorchMomentum;
        if (rows == 1)
        {
            return SingleRow(input, m);
        }
        // The native kernel normalises with the batch statistics and moves the averages torch's way, with the
        // unbiased variance u = n/(n-1)·b: rv' = (1-m)·rv + m·u. Keras wants (1-m)·rv + m·b, which is
        // rv'·(n-1)/n + rv·(1-m)/n: cheap ops on 70 numbers instead of another pass over the batch. The kernel
        // gets copies because autograd saves them and forbids changing them before the backward pass.
        using var mean = _runningMean.clone();
        using var variance = _runningVar.clone();
        var output = nn.functional.batch_norm(input, mean, variance, _weight, _bias, true, m,
            ModelArchitecture.BatchNormEpsilon);
        using (no_grad())
        {
            _runningMean.copy_(mean);
            _runningVar.mul_((1 - m) / rows).add_(variance, (rows - 1.0) / rows);
        }
        return output;
    }

    /// <summary>Keras on a one-row batch: variance 0, so the output is β (torch refuses such a batch).</summary>
    private Tensor SingleRow(Tensor input, double m)
    {
        using (no_grad())
        {
            _runningMean.mul_(1 - m).add_(input.squeeze(0), m);
            _runningVar.mul_(1 - m);
        }
        return input.mul(0).add(_bias);
    }
}
