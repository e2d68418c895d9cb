using Streetcar.Core.Config;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>The output activations Keras 2 offers the book, as tensor functions.</summary>
public static class OutputActivation
{
    /// <summary>
    /// Applies <paramref name="activation"/> to <paramref name="x"/>. Keras <c>hard_sigmoid</c> is
    /// clip(0.2·x + 0.5, 0, 1) (torch's hardsigmoid uses x/6 instead).
    /// </summary>
    public static Tensor Apply(Activation activation, Tensor x) => activation switch
    {
        // Process-lifetime Scalars, not literals: see TorchScalars for the race temporary ones invite.
        Activation.HardSigmoid => x.mul(TorchScalars.HardSigmoidSlope).add_(TorchScalars.HardSigmoidOffset, TorchScalars.One).clamp(TorchScalars.Zero, TorchScalars.One),
        Activation.Sigmoid => x.sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown output activation"),
    };
}
