using Streetcar.Core.Data;
using Streetcar.Prepare.Reshape;

namespace Streetcar.Prepare.Encode;

/// <summary>
/// Label-encodes the seven feature columns of a <see cref="SlotGrid"/> (<see cref="FeatureColumns.All"/>): each
/// column's values as text (hour "0"–"23", year "2014", month "1"–"12", day of month "1"–"31", weekday "0" = Monday
/// … "6" = Sunday as pandas' <c>weekday</c>), coded in ordinal order of those strings by <see cref="ColumnEncoder"/>.
/// </summary>
public static class GridEncoder
{
    /// <summary>The encoded grid (split name "grid") and the encoders, in <see cref="FeatureColumns.All"/> order.</summary>
    public static (EncodedSplit Grid, IReadOnlyList<ColumnEncoder> Encoders) Encode(SlotGrid grid)
    {
        var dates = Enumerable.Range(0, grid.Days).Select(d => grid.Start.AddDays(d)).ToArray();
        var hours = Enumerable.Range(0, 24).Select(FeatureValues.Hour).ToArray();
        // The same derivation scoring uses (FeatureValues), so a described trip encodes exactly like its grid row.
        var dayValues = new Func<DateOnly, string>[]
        {
            FeatureValues.Year, FeatureValues.Month, FeatureValues.DayOfMonth, FeatureValues.Weekday,
        };
        // Every day, pair and hour of the range occurs in the grid, so the encoders are fitted on them directly.
        var route = ColumnEncoder.Fit(FeatureColumns.Route, grid.Pairs.Select(p => p.Route));
        var direction = ColumnEncoder.Fit(FeatureColumns.Direction, grid.Pairs.Select(p => p.Direction));
        var hour = ColumnEncoder.Fit(FeatureColumns.Hour, hours);
        var perDay = new[] { FeatureColumns.Year, FeatureColumns.Month, FeatureColumns.DayOfMonth, FeatureColumns.Weekday }
            .Select((name, i) => ColumnEncoder.Fit(name, dates.Select(dayValues[i])))
            .ToArray();

        var pairCodes = grid.Pairs.Select(p => (route.Encode(p.Route), direction.Encode(p.Direction))).ToArray();
        var hourCodes = hours.Select(hour.Encode).ToArray();
        var dayCodes = perDay.Select((encoder, i) => dates.Select(d => encoder.Encode(dayValues[i](d))).ToArray()).ToArray();

        var n = grid.Rows;
        var codes = new int[FeatureColumns.All.Count][];
        // One pass per column (each a simple table lookup), two columns at a time.
        Parallel.For(0, codes.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            var column = codes[c] = new int[n];
            switch (c)
            {
                case 0:
                case 1:
                    var perPair = pairCodes.Select(p => c == 0 ? p.Item1 : p.Item2).ToArray();
                    for (var r = 0; r < n; r++)
                    {
                        column[r] = perPair[grid.PairIndex[r]];
                    }
                    break;
                case 2:
                    for (var r = 0; r < n; r++)
                    {
                        column[r] = hourCodes[grid.Hour[r]];
                    }
                    break;
                default:
                    var perDayCodes = dayCodes[c - 3];
                    for (var r = 0; r < n; r++)
                    {
                        column[r] = perDayCodes[grid.DayIndex[r]];
                    }
                    break;
            }
        });
        ColumnEncoder[] encoders = [route, direction, hour, .. perDay];
        return (new EncodedSplit("grid", FeatureColumns.All, codes, grid.Label), encoders);
    }

    /// <summary>pandas' weekday: Monday 0 … Sunday 6 (see <see cref="FeatureValues.WeekdayNumber"/>).</summary>
    public static int Weekday(DateOnly date) => FeatureValues.WeekdayNumber(date);
}
