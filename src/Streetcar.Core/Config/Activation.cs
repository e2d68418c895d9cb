namespace Streetcar.Core.Config;

/// <summary>YAML <c>output_activation</c>: the activation of the model's single output.</summary>
public enum Activation
{
    /// <summary><c>hard_sigmoid</c>: Keras' clip(0.2·x + 0.5, 0, 1), the book's.</summary>
    HardSigmoid,

    /// <summary><c>sigmoid</c>: the logistic function.</summary>
    Sigmoid,
}
