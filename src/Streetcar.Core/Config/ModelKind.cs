namespace Streetcar.Core.Config;

/// <summary>YAML <c>model</c>: which kind of model an experiment trains, written as its <see cref="ConfigEnum"/> text.</summary>
public enum ModelKind
{
    /// <summary><c>network</c>: the book's TorchSharp network, trained along a shared trajectory (default).</summary>
    Network,

    /// <summary><c>gradient_boosting</c>: ML.NET's LightGBM with the <c>gradient_boosting:</c> options, on the same split.</summary>
    GradientBoosting,
}
