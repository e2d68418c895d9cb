using Streetcar.Core.Randomness;

namespace Streetcar.Core.Config;

/// <summary>
/// The seeds of an experiment's repeats. Repeat 1 uses the configured seeds, so a one-repeat experiment is trained
/// exactly as before repeats existed. Repeat r ≥ 2 replaces each seed s by the first output of
/// <see cref="SplitMix64"/> seeded with s + r·0x9E3779B97F4A7C15 (mod 2⁶⁴), kept to 31 bits; the torch and shuffle seeds always, the split seed only with <c>repeat_split: true</c>.
/// A function of the configured seeds and r alone: repeat 3 of an experiment is the same run on every machine
/// and whatever the repeat count, so raising <c>repeats</c> trains only the new repeats.
/// </summary>
public static class RepeatSeeds
{
    /// <summary>Upper bound of <c>repeats</c> (and <c>--repeats</c>).</summary>
    public const int MaxRepeats = 100;

    /// <summary>The seeds of repeat <paramref name="repeat"/> (1-based) of an experiment with <paramref name="configured"/> seeds.</summary>
    public static SeedsConfig For(SeedsConfig configured, int repeat, bool repeatSplit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        if (repeat == 1)
        {
            return configured;
        }
        return configured with
        {
            Torch = Derive(configured.Torch, repeat),
            Shuffle = Derive(configured.Shuffle, repeat),
            Split = repeatSplit ? Derive(configured.Split, repeat) : configured.Split,
        };
    }

    /// <summary>
    /// The seed of repeat <paramref name="repeat"/> for one configured <paramref name="seed"/> (the boosting
    /// model's, which has one seed of its own): itself for repeat 1, derived as above for the others.
    /// </summary>
    public static int ForSeed(int seed, int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        return repeat == 1 ? seed : (int)Derive(seed, repeat);
    }

    private static long Derive(long seed, int repeat) =>
        (long)(new SplitMix64(unchecked((ulong)seed + (ulong)repeat * 0x9E3779B97F4A7C15UL)).NextUInt64() >> 33);
}
