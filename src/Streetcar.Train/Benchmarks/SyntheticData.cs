using Streetcar.Core.Data;
using Streetcar.Core.Randomness;

namespace Streetcar.Train.Benchmarks;

/// <summary>
/// Seeded synthetic splits of the real data's shape, for benchmarks and tests: uniform codes, and a planted
/// signal (a random effect per column value plus noise) whose top <c>positiveRate</c> rows are delays.
/// </summary>
public static class SyntheticData
{
    /// <summary>Cardinalities of the book-mode data: route 14, direction 5, hour 24, year 6, month 12, day 31, weekday 7.</summary>
    public static IReadOnlyList<int> RealCardinalities { get; } = [14, 5, 24, 6, 12, 31, 7];

    /// <summary>Training rows of the book-mode data.</summary>
    public const int RealTrainRows = 1_889_637;

    /// <summary>Validation rows of the book-mode data.</summary>
    public const int RealValidRows = 472_410;

    /// <summary>Encoders with values "0" .. "n-1" for <see cref="FeatureColumns.All"/> and <paramref name="cardinalities"/>.</summary>
    public static IReadOnlyList<ColumnEncoder> Encoders(IReadOnlyList<int> cardinalities) =>
        FeatureColumns.All.Select((column, c) => new ColumnEncoder(column,
            Enumerable.Range(0, cardinalities[c]).Select(v => v.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray()))
            .ToArray();

    /// <summary>
    /// A split of <paramref name="rows"/> rows. Rows of the same <paramref name="worldSeed"/> share their
    /// effects, so a train and a valid split drawn with different <paramref name="rowSeed"/>s agree on the signal.
    /// </summary>
    public static EncodedSplit Generate(string name, int rows, IReadOnlyList<int> cardinalities, double positiveRate,
        ulong worldSeed, ulong rowSeed, double noise = 1.0)
    {
        var world = new SplitMix64(worldSeed);
        var effects = cardinalities.Select(n => Enumerable.Range(0, n).Select(_ => world.NextDouble() * 2 - 1).ToArray()).ToArray();
        var random = new SplitMix64(rowSeed);
        var codes = cardinalities.Select(_ => new int[rows]).ToArray();
        var scores = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var score = (random.NextDouble() * 2 - 1) * noise;
            for (var c = 0; c < cardinalities.Count; c++)
            {
                var code = random.NextBelow(cardinalities[c]);
                codes[c][r] = code;
                score += effects[c][code];
            }
            scores[r] = score;
        }
        var labels = new byte[rows];
        var positives = (int)Math.Round(rows * positiveRate);
        var order = Enumerable.Range(0, rows).OrderByDescending(r => scores[r]).ThenBy(r => r).Take(positives);
        foreach (var r in order)
        {
            labels[r] = 1;
        }
        return new EncodedSplit(name, FeatureColumns.All, codes, labels);
    }
}
