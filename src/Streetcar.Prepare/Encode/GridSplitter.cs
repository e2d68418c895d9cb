using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Randomness;

namespace Streetcar.Prepare.Encode;

/// <summary>
/// Splits an encoded grid with a seed: the row indices are shuffled by <c>new SplitMix64(seed).Permutation(n)</c>;
/// the first <see cref="SplitSizes.Test"/> shuffled rows are test, the next <see cref="SplitSizes.Train"/> train,
/// the rest valid. Each split keeps the shuffled order. Same grid and seed, same splits, on every machine.
/// </summary>
public static class GridSplitter
{
    /// <summary>
    /// Splits <paramref name="grid"/> with the proportions of <paramref name="config"/> (validated) and
    /// <paramref name="seed"/>; with <see cref="SplitConfig.ByTime"/> set, out of time (<see cref="TimeSplitter"/>),
    /// which needs the grid's <paramref name="encoders"/> to read each row's date.
    /// </summary>
    public static DatasetSplits Split(EncodedSplit grid, SplitConfig config, ulong seed, IReadOnlyList<ColumnEncoder>? encoders = null)
    {
        if (config.ByTime is { } byTime)
        {
            return TimeSplitter.Split(grid, encoders ?? throw new ArgumentNullException(nameof(encoders), "the out-of-time split reads dates through the encoders"), config, byTime, seed);
        }
        var sizes = SplitSizes.Of(grid.Rows, config.TestProportion, config.TrainProportion);
        var order = new SplitMix64(seed).Permutation(grid.Rows);
        var packed = PackedRows.TryPack(grid);
        EncodedSplit Take(string name, ArraySegment<int> rows) =>
            packed?.Take(name, grid.Columns, rows) ?? TakeColumns(grid, name, rows);
        var test = Take("test", new ArraySegment<int>(order, 0, sizes.Test));
        var train = Take("train", new ArraySegment<int>(order, sizes.Test, sizes.Train));
        var valid = Take("valid", new ArraySegment<int>(order, sizes.Test + sizes.Train, sizes.Valid));
        var summary = new SplitSummary(
            seed, config.TestProportion, config.TrainProportion,
            train.Rows, valid.Rows, test.Rows, train.Positives, valid.Positives, test.Positives);
        return new DatasetSplits(train, valid, test, summary);
    }

    /// <summary>The rows <paramref name="rows"/> of <paramref name="grid"/>, column by column (when they do not pack into a word).</summary>
    internal static EncodedSplit TakeColumns(EncodedSplit grid, string name, ArraySegment<int> rows)
    {
        var codes = new int[grid.Codes.Length][];
        // Columns are independent gathers; two at a time uses both cores of the target machine.
        Parallel.For(0, codes.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            var source = grid.Codes[c];
            var target = codes[c] = new int[rows.Count];
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = source[rows[i]];
            }
        });
        var labels = new byte[rows.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = grid.Labels[rows[i]];
        }
        return new EncodedSplit(name, grid.Columns, codes, labels);
    }
}
