using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>
/// The book's model: categorical codes in, probability of a delay out. Input rows are first mapped by
/// <see cref="IndexInput"/> (once per dataset, not per batch) and then fed to <c>forward</c>.
/// </summary>
public abstract class StreetcarModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Shape and hyper-parameters this model was built from.</summary>
    public ModelArchitecture Architecture { get; }

    /// <summary>Creates the module; subclasses register their layers.</summary>
    protected StreetcarModel(string name, ModelArchitecture architecture) : base(name)
    {
        Architecture = architecture;
        // Drawn before any weight initialisation so that both forms get the same seed from the same torch seed.
        DropoutSeed = (ulong)torch.randint_long(long.MaxValue);
    }

    /// <summary>Seed of this model's <see cref="SeededDropout"/>, drawn from the torch generator.</summary>
    protected ulong DropoutSeed { get; }

    /// <summary>The model's dropout layer, whose generator state a resumed training run restores.</summary>
    public abstract SeededDropout Dropout { get; }

    /// <summary>The probability of a delay for indexed inputs: the output activation of <see cref="Logits"/>.</summary>
    public override Tensor forward(Tensor input) => OutputActivation.Apply(Architecture.Activation, Logits(input));

    /// <summary>The last layer's pre-activation output [rows, 1] for indexed inputs (what the sigmoid loss reads).</summary>
    public abstract Tensor Logits(Tensor input);

    /// <summary>Maps raw codes [rows, columns] (int64) to this form's embedding indices.</summary>
    public abstract Tensor IndexInput(Tensor codes);

    /// <summary>Builds the model of <paramref name="architecture"/> with fresh Keras-style initial weights.</summary>
    public static StreetcarModel Create(ModelArchitecture architecture) => architecture.Form switch
    {
        ModelForm.PerColumn => new PerColumnModel(architecture),
        ModelForm.Fused => new FusedModel(architecture),
        _ => throw new ArgumentOutOfRangeException(nameof(architecture)),
    };
}
