namespace Streetcar.Core.Config;

/// <summary>YAML <c>loss</c>: the training loss.</summary>
public enum LossFunction
{
    /// <summary><c>binary_crossentropy</c>: TF 2's Keras semantics: for hard_sigmoid, predictions clipped to
    /// [1e-7, 1 − 1e-7] and −[t·log(p + 1e-7) + (1 − t)·log(1 − p + 1e-7)]; for sigmoid, the loss of the logits.</summary>
    BinaryCrossentropy,
}
