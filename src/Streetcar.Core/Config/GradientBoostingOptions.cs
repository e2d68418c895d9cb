using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Config;

/// <summary>
/// Hyperparameters of the gradient-boosting model (ML.NET's LightGBM): the <c>gradient_boosting:</c> section of
/// an experiment, read when <c>model: gradient_boosting</c>. The defaults are LightGBM's own, except
/// <see cref="Threads"/> (1, so that a fit is reproducible on any machine) and <see cref="PositiveWeighting"/>.
/// </summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Allowed range of <see cref="Threads"/>, as the network's <c>threads</c>.</summary>
    public const int MaxThreads = 64;

    /// <summary>Maximum leaves per tree (LightGBM <c>num_leaves</c>, default 31); at least 2.</summary>
    public int NumLeaves { get; init; } = 31;

    /// <summary>Boosting rounds, one tree each (<c>num_iterations</c>, default 100); at least 1.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Shrinkage of each tree (<c>learning_rate</c>, default 0.1); in (0, 1].</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Fewest training rows in a leaf (<c>min_data_in_leaf</c>, default 20); at least 1.</summary>
    public int MinDataInLeaf { get; init; } = 20;

    /// <summary>LightGBM's <c>seed</c> (and ML.NET's context seed), default 42; at least 0.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>LightGBM worker threads, default 1; 1 .. <see cref="MaxThreads"/>. Part of the model's identity:
    /// another count can change the histograms' summation order and so the trees.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>How positives are weighted, default <see cref="PositiveWeighting.Balanced"/>.</summary>
    public PositiveWeighting PositiveWeighting { get; init; } = PositiveWeighting.Balanced;

    /// <summary>
    /// The out-of-range values, as (snake_case key, problem), in declaration order; empty when all are valid.
    /// </summary>
    public IReadOnlyList<(string Key, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        void AtLeast(string key, int value, int min)
        {
            if (value < min)
            {
                problems.Add((key, $"must be an integer >= {min}, got {value}"));
            }
        }
        AtLeast("num_leaves", NumLeaves, 2);
        AtLeast("iterations", Iterations, 1);
        if (!(LearningRate > 0 && LearningRate <= 1))
        {
            problems.Add(("learning_rate", $"must be in (0, 1], got {LearningRate.ToString("R", CultureInfo.InvariantCulture)}"));
        }
        AtLeast("min_data_in_leaf", MinDataInLeaf, 1);
        AtLeast("seed", Seed, 0);
        if (Threads is < 1 or > MaxThreads)
        {
            problems.Add(("threads", $"must be an integer in 1 .. {MaxThreads}, got {Threads}"));
        }
        if (!Enum.IsDefined(PositiveWeighting))
        {
            problems.Add(("positive_weighting", ConfigEnum.NotAllowed(typeof(PositiveWeighting), PositiveWeighting.ToString())));
        }
        return problems;
    }

    /// <summary>
    /// Throws a <see cref="ConfigException"/> naming <paramref name="file"/> and the first bad key (prefixed
    /// with <paramref name="keyPrefix"/>, e.g. <c>gradient_boosting.</c>) when a value is out of range.
    /// </summary>
    public void Validate(string file, string keyPrefix = "")
    {
        if (Problems() is [var (key, problem), ..])
        {
            throw new ConfigException(file, keyPrefix + key, problem);
        }
    }
}
