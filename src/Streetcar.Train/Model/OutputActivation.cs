using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>The output activations Keras 2 offers the book.</summary>
public static class OutputActivation
{
    /// <summary>Keras <c>hard_sigmoid</c>: clip(0.2·x + 0.5, 0, 1) (torch's hardsigmoid uses x/6 instead).</summary>
    public const string HardSigmoid = "hard_sigmoid";

    /// <summary>The logistic function.</summary>
    public const string Sigmoid = "sigmoid";

    /// <summary>Applies <paramref name="name"/> to <paramref name="x"/>.</summary>
    public static Tensor Apply(string name, Tensor x) => name switch
    {
        HardSigmoid => x.mul(0.2).add_(0.5).clamp(0.0, 1.0),
        Sigmoid => x.sigmoid(),
        _ => throw new ArgumentException($"unknown output activation '{name}'", nameof(name)),
    };
}
