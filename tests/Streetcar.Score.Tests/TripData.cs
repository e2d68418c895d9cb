using Streetcar.Core.Data;
using Streetcar.Core.Randomness;

namespace Streetcar.Score.Tests;

/// <summary>
/// Tiny data of the real shape: real route, direction and date values (2018–2019), encoded the way Prepare
/// encodes the grid, so rows decode to trips that exist. Delays are planted on 501 in the morning rush.
/// </summary>
internal static class TripData
{
    public static IReadOnlyList<string> Routes { get; } = ["301", "501", "511"];

    public static IReadOnlyList<string> Directions { get; } = ["e", "n", "w"];

    public static DateOnly First { get; } = new(2018, 1, 1);

    public static DateOnly Last { get; } = new(2019, 12, 31);

    /// <summary>The encoders Prepare would fit on this grid (every day, pair and hour of the range).</summary>
    public static IReadOnlyList<ColumnEncoder> Encoders { get; } = FitEncoders();

    /// <summary><paramref name="rows"/> random slots and their labels.</summary>
    public static EncodedSplit Split(string name, int rows, ulong seed)
    {
        var random = new SplitMix64(seed);
        var days = Last.DayNumber - First.DayNumber + 1;
        var codes = FeatureColumns.All.Select(_ => new int[rows]).ToArray();
        var labels = new byte[rows];
        for (var r = 0; r < rows; r++)
        {
            var route = Routes[random.NextBelow(Routes.Count)];
            var direction = Directions[random.NextBelow(Directions.Count)];
            var date = First.AddDays(random.NextBelow(days));
            var hour = random.NextBelow(24);
            var values = FeatureValues.Of(route, direction, date, hour);
            for (var c = 0; c < codes.Length; c++)
            {
                codes[c][r] = Encoders[c].Encode(values[c]);
            }
            var rush = route == "501" && hour is >= 7 and <= 9;
            labels[r] = (byte)(random.NextDouble() < (rush ? 0.6 : 0.05) ? 1 : 0);
        }
        return new EncodedSplit(name, FeatureColumns.All, codes, labels);
    }

    /// <summary>Row <paramref name="row"/> of <paramref name="split"/> decoded back to a trip.</summary>
    public static TripDescription Decode(EncodedSplit split, int row, IReadOnlyList<ColumnEncoder> encoders)
    {
        string Value(string column) => encoders.Single(e => e.Column == column).Values[split.Codes[split.Columns.ToList().IndexOf(column)][row]];
        int Number(string column) => int.Parse(Value(column), System.Globalization.CultureInfo.InvariantCulture);
        var date = new DateOnly(Number(FeatureColumns.Year), Number(FeatureColumns.Month), Number(FeatureColumns.DayOfMonth));
        return new TripDescription(Value(FeatureColumns.Route), Value(FeatureColumns.Direction), date, Number(FeatureColumns.Hour));
    }

    private static ColumnEncoder[] FitEncoders()
    {
        var dates = Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays).ToArray();
        return
        [
            ColumnEncoder.Fit(FeatureColumns.Route, Routes),
            ColumnEncoder.Fit(FeatureColumns.Direction, Directions),
            ColumnEncoder.Fit(FeatureColumns.Hour, Enumerable.Range(0, 24).Select(FeatureValues.Hour)),
            ColumnEncoder.Fit(FeatureColumns.Year, dates.Select(FeatureValues.Year)),
            ColumnEncoder.Fit(FeatureColumns.Month, dates.Select(FeatureValues.Month)),
            ColumnEncoder.Fit(FeatureColumns.DayOfMonth, dates.Select(FeatureValues.DayOfMonth)),
            ColumnEncoder.Fit(FeatureColumns.Weekday, dates.Select(FeatureValues.Weekday)),
        ];
    }
}
