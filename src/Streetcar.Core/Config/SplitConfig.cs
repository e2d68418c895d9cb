namespace Streetcar.Core.Config;

/// <summary>Proportions of the book's split: test first, then train / valid within the rest.</summary>
public sealed record SplitConfig
{
    /// <summary>Share of all rows held out for test (book: 0.2). In (0, 1).</summary>
    public double TestProportion { get; init; } = 0.2;

    /// <summary>Share of the remaining rows used for training, the rest validates (book: 0.8). In (0, 1).</summary>
    public double TrainProportion { get; init; } = 0.8;
}
