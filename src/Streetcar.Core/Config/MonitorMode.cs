namespace Streetcar.Core.Config;

/// <summary>YAML <c>early_stopping.mode</c>: which direction of the monitor is an improvement.</summary>
public enum MonitorMode
{
    /// <summary><c>min</c>: lower is better (losses).</summary>
    Min,

    /// <summary><c>max</c>: higher is better (accuracies).</summary>
    Max,
}
