namespace Streetcar.Core.Config;

/// <summary>YAML <c>loss</c>: the training loss.</summary>
public enum LossFunction
{
    /// <summary><c>binary_crossentropy</c>: Keras semantics, predictions clipped to [1e-7, 1 − 1e-7].</summary>
    BinaryCrossentropy,
}
