namespace Streetcar.Core.Config;

/// <summary>YAML <c>weighting</c>: how label 1 (a delay) is weighted in the training loss.</summary>
public enum ClassWeighting
{
    /// <summary><c>none</c>: label 1 weighs 1.0.</summary>
    None,

    /// <summary>
    /// <c>balanced</c>: label 1 weighs count_no_delay / count_delay of the training split plus
    /// <c>one_weight_offset</c>.
    /// </summary>
    Balanced,
}
