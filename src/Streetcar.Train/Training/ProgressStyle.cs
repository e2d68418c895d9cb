namespace Streetcar.Train.Training;

/// <summary>How a training run shows its progress.</summary>
public enum ProgressStyle
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>Spectre.Console bars on an interactive terminal, one plain line per epoch otherwise.</summary>
    Auto,

    /// <summary>One plain line per epoch.</summary>
    Lines,
}
