namespace Streetcar.Core.Config;

/// <summary>Keras-style early stopping; the best epoch on the same monitor is also checkpointed.</summary>
public sealed record EarlyStoppingConfig
{
    /// <summary>Whether to stop early; when on, the evaluated model is the best checkpoint.</summary>
    public bool Enabled { get; init; }

    /// <summary>Metric watched: <c>val_loss</c>, <c>val_accuracy</c>, <c>loss</c> or <c>accuracy</c>.</summary>
    public string Monitor { get; init; } = "val_loss";

    /// <summary><c>min</c> or <c>max</c>: which direction is an improvement.</summary>
    public string Mode { get; init; } = "min";

    /// <summary>Epochs without improvement (min_delta 0) after which training stops (book: 15).</summary>
    public int Patience { get; init; } = 15;
}
