namespace Streetcar.Evaluate.Metrics;

/// <summary>
/// Counts at every distinct score, from the highest down: predicting a delay for every row scored ≥ a score
/// gives that score's true and false positives. The one pass that threshold rules and curves share.
/// </summary>
internal sealed class ScoreSweep
{
    private ScoreSweep(IReadOnlyList<Step> steps, long positives, long negatives)
    {
        Steps = steps;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>Outcome of predicting a delay for every row scored ≥ <see cref="Score"/>.</summary>
    public readonly record struct Step(float Score, long TruePositives, long FalsePositives);

    /// <summary>One step per distinct score, highest score first.</summary>
    public IReadOnlyList<Step> Steps { get; }

    /// <summary>Rows labelled 1.</summary>
    public long Positives { get; }

    /// <summary>Rows labelled 0.</summary>
    public long Negatives { get; }

    /// <summary>Sweeps <paramref name="scores"/> (no NaN: the caller checks) against <paramref name="labels"/>.</summary>
    public static ScoreSweep Run(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }
        var keys = scores.ToArray();
        var order = labels.ToArray();
        // Rows within a tie are counted together, so their order after the sort does not matter.
        Array.Sort(keys, order, Comparer<float>.Create((a, b) => b.CompareTo(a)));
        var steps = new List<Step>();
        long tp = 0, fp = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (order[i] == 1)
            {
                tp++;
            }
            else
            {
                fp++;
            }
            if (i == keys.Length - 1 || keys[i + 1] != keys[i])
            {
                steps.Add(new Step(keys[i], tp, fp));
            }
        }
        return new ScoreSweep(steps, tp, fp);
    }
}
