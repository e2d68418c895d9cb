namespace Streetcar.Core.Config;

/// <summary>Keras-style early stopping; the best epoch on the same monitor is also checkpointed.</summary>
public sealed record EarlyStoppingConfig
{
    /// <summary>Whether to stop early; when on, the evaluated model is the best checkpoint.</summary>
    public bool Enabled { get; init; }

    /// <summary>Metric watched (default <c>val_loss</c>).</summary>
    public MonitorMetric Monitor { get; init; } = MonitorMetric.ValLoss;

    /// <summary>Which direction is an improvement (default <c>min</c>).</summary>
    public MonitorMode Mode { get; init; } = MonitorMode.Min;

    /// <summary>Epochs without improvement (min_delta 0) after which training stops (book: 15).</summary>
    public int Patience { get; init; } = 15;
}
