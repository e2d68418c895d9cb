using TorchSharp;

namespace Streetcar.Train.Model;

/// <summary>
/// The constants the inference path passes to libtorch, as <see cref="Scalar"/>s that live for the whole process.
/// </summary>
/// <remarks>
/// Why: a number passed where TorchSharp wants a <see cref="Scalar"/> (<c>x.mul(0.2)</c>, or the default
/// <c>alpha = 1</c> of <c>add</c>) becomes a temporary native Scalar that nothing references once its handle is read,
/// so a garbage collection during the native call may finalize and free it mid-call, and another thread's new Scalar
/// may take its memory. With two evaluations side by side this was seen as "For integral input tensors, argument alpha
/// must not be a floating point number" and as a failed <c>c10::Scalar::toLong</c> check. Scalars held in static
/// fields are never finalized, and libtorch only reads them, so threads may share them.
/// </remarks>
internal static class TorchScalars
{
    /// <summary>The integer 1: <c>alpha</c> of an add of index tensors.</summary>
    public static readonly Scalar IntegerOne = 1L.ToScalar();

    /// <summary>Keras hard sigmoid's slope, 0.2.</summary>
    public static readonly Scalar HardSigmoidSlope = 0.2.ToScalar();

    /// <summary>Keras hard sigmoid's offset, 0.5.</summary>
    public static readonly Scalar HardSigmoidOffset = 0.5.ToScalar();

    /// <summary>0.0, the lower clip of a probability.</summary>
    public static readonly Scalar Zero = 0.0.ToScalar();

    /// <summary>1.0: the upper clip of a probability, and <c>alpha</c> of a float add.</summary>
    public static readonly Scalar One = 1.0.ToScalar();
}
