using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Config;

/// <summary>
/// How the prepared grid is split (carried by the experiment's config): rows are shuffled with
/// <c>SplitMix64(Seed)</c>; test = ceil(TestProportion·n), train = floor(TrainProportion·rest), valid = the remainder.
/// Defaults are the book's proportions.
/// </summary>
public sealed record SplitConfig
{
    /// <summary>Seed of the shuffle. Default 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Share of all rows that goes to test, in (0, 1). Default 0.2.</summary>
    public double TestProportion { get; init; } = 0.2;

    /// <summary>Share of the non-test rows that goes to train, in (0, 1). Default 0.8.</summary>
    public double TrainProportion { get; init; } = 0.8;

    /// <summary>Checks the proportions; a bad one is a <see cref="ConfigException"/> naming <paramref name="file"/> and the key.</summary>
    public SplitConfig Validate(string file)
    {
        Check(file, "test_proportion", TestProportion);
        Check(file, "train_proportion", TrainProportion);
        return this;
    }

    private static void Check(string file, string key, double value)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ConfigException(file, key, $"{value} is out of range; allowed: a number in (0, 1)");
        }
    }
}
