namespace Streetcar.Core.Config;

/// <summary>Seeds that make an experiment repeatable.</summary>
public sealed record SeedsConfig
{
    /// <summary>Seed of libtorch's generator (weight initialisation, dropout masks).</summary>
    public long Torch { get; init; } = 42;

    /// <summary>Seed of the <see cref="Randomness.SplitMix64"/> that shuffles training rows every epoch.</summary>
    public long Shuffle { get; init; } = 42;

    /// <summary>Seed of the train / valid / test split (used by Prepare).</summary>
    public long Split { get; init; } = 42;
}
