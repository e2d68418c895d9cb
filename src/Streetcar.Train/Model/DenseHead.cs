using Streetcar.Core.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>
/// Everything after the concatenated embeddings: optional ReLU dense layers, then Dense(1) with the output
/// activation. Keras Dense defaults: Glorot-uniform weights, zero biases.
/// </summary>
public sealed class DenseHead : nn.Module<Tensor, Tensor>
{
    // Module fields are named as the state-dict keys RegisterComponents derives from them.
    private readonly ModuleList<Linear> hidden = new();
    private readonly Linear output;
    private readonly Activation _activation;

    /// <summary>Creates the head for <paramref name="architecture"/>.</summary>
    public DenseHead(ModelArchitecture architecture) : base(nameof(DenseHead))
    {
        var width = (long)architecture.ConcatWidth;
        foreach (var layer in architecture.HiddenLayers)
        {
            hidden.Add(KerasDense(width, layer));
            width = layer;
        }
        output = KerasDense(width, 1);
        _activation = architecture.Activation;
        RegisterComponents();
    }

    /// <summary>The ReLU dense layers, input side first (a fresh list on every call).</summary>
    public IReadOnlyList<Linear> Hidden => [.. hidden];

    /// <summary>The final Dense(1) layer (the only layer when there are no hidden ones).</summary>
    public Linear Output => output;

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => OutputActivation.Apply(_activation, Logits(input));

    /// <summary>The last layer's output before the activation: what Keras' loss reads for a sigmoid output.</summary>
    public Tensor Logits(Tensor input)
    {
        var x = input;
        foreach (var layer in hidden)
        {
            x = nn.functional.relu(layer.forward(x));
        }
        return output.forward(x);
    }

    private static Linear KerasDense(long inputs, long outputs)
    {
        var layer = nn.Linear(inputs, outputs);
        using (no_grad())
        {
            nn.init.xavier_uniform_(layer.weight);
            nn.init.zeros_(layer.bias);
        }
        return layer;
    }
}
