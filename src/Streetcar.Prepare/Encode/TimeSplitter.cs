using System.Globalization;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Core.Randomness;

namespace Streetcar.Prepare.Encode;

/// <summary>
/// The out-of-time split (<see cref="SplitConfig.ByTime"/>): test is every grid row dated from <c>test_from</c> to the
/// last day with a record (a delay) in the grid, in grid order; the rows before it are shuffled by <c>new SplitMix64(seed).Permutation(n)</c> and split into train
/// (floor(train_proportion · n)) and valid (the rest), as the random split splits its non-test rows.
/// <para>
/// Years unseen in training: the model takes the year as a category, so a test year no training row has (2019
/// when testing from 2019-01-01) would reach an embedding row that training never touched. Such test rows are
/// coded as the latest year training saw, the policy scoring offers as <c>LatestKnown</c>; the summary counts them.
/// </para>
/// <para>
/// The test period's end: the grid runs to data/prepare.yml's <c>end_date</c>, but the workbooks can stop earlier (the
/// pinned 2019 file ends on 2019-10-31): the days after the last record are not quiet days, they are days nobody
/// recorded, and as "no delay" rows they would flatter every test figure. They are left out of test and counted.
/// </para>
/// </summary>
public static class TimeSplitter
{
    /// <summary>Splits <paramref name="grid"/> (decoded with <paramref name="encoders"/>) at <paramref name="byTime"/>'s date.</summary>
    public static DatasetSplits Split(
        EncodedSplit grid, IReadOnlyList<ColumnEncoder> encoders, SplitConfig config, ByTimeSplitConfig byTime, ulong seed)
    {
        var testFrom = byTime.TestFromDate
            ?? throw new InvalidOperationException($"split.by_time.test_from '{byTime.TestFrom}' was not validated (ExperimentConfigValidator)");
        var year = Column(grid, FeatureColumns.Year);
        var month = Column(grid, FeatureColumns.Month);
        var day = Column(grid, FeatureColumns.DayOfMonth);
        int Value(int column, int code) => int.Parse(encoders[column].Values[code], CultureInfo.InvariantCulture);
        var key = testFrom.Year * 10_000 + testFrom.Month * 100 + testFrom.Day;
        var dates = new int[grid.Rows];
        var lastRecord = int.MinValue;
        for (var r = 0; r < grid.Rows; r++)
        {
            dates[r] = Value(year, grid.Codes[year][r]) * 10_000 + Value(month, grid.Codes[month][r]) * 100 + Value(day, grid.Codes[day][r]);
            if (grid.Labels[r] == 1)
            {
                lastRecord = Math.Max(lastRecord, dates[r]);
            }
        }
        var before = new List<int>();
        var from = new List<int>();
        var afterLastRecord = 0;
        for (var r = 0; r < grid.Rows; r++)
        {
            if (dates[r] < key)
            {
                before.Add(r);
            }
            else if (dates[r] <= lastRecord)
            {
                from.Add(r);
            }
            else
            {
                afterLastRecord++;
            }
        }
        if (before.Count == 0 || from.Count == 0)
        {
            throw new DataException(
                $"split.by_time.test_from {byTime.TestFrom}: the grid has {before.Count:N0} rows before it and {from.Count:N0} from it to its last day with a record; " +
                "both must be non-empty (widen data/prepare.yml's dates or move test_from)");
        }
        var order = new SplitMix64(seed).Permutation(before.Count);
        var shuffled = new int[before.Count];
        for (var i = 0; i < shuffled.Length; i++)
        {
            shuffled[i] = before[order[i]];
        }
        var trainRows = (int)Math.Floor((decimal)config.TrainProportion * before.Count);
        var packed = PackedRows.TryPack(grid);
        EncodedSplit Take(string name, int[] rows) =>
            packed?.Take(name, grid.Columns, new ArraySegment<int>(rows)) ?? GridSplitter.TakeColumns(grid, name, new ArraySegment<int>(rows));
        var train = Take("train", shuffled[..trainRows]);
        var valid = Take("valid", shuffled[trainRows..]);
        var test = Take("test", [.. from]);
        var (remapped, latest) = CodeUnseenYearsAsLatest(test, train, valid, year);
        var summary = new SplitSummary(
            seed, config.TestProportion, config.TrainProportion,
            train.Rows, valid.Rows, test.Rows, train.Positives, valid.Positives, test.Positives)
        {
            TestFrom = byTime.TestFrom,
            TestUntil = string.Create(CultureInfo.InvariantCulture, $"{lastRecord / 10_000:D4}-{lastRecord / 100 % 100:D2}-{lastRecord % 100:D2}"),
            TestRowsAfterLastRecord = afterLastRecord,
            TestRowsWithUnseenYear = remapped,
            UnseenYearsCodedAs = remapped > 0 ? encoders[year].Values[latest] : null,
        };
        return new DatasetSplits(train, valid, test, summary);
    }

    // Test rows whose year code no train or valid row has get the code of the latest year those rows have.
    private static (int Remapped, int LatestCode) CodeUnseenYearsAsLatest(EncodedSplit test, EncodedSplit train, EncodedSplit valid, int year)
    {
        var seen = train.Codes[year].Concat(valid.Codes[year]).ToHashSet();
        // Year values are four-digit strings coded in ordinal order, so the largest code is the latest year.
        var latest = seen.Max();
        var codes = test.Codes[year];
        var remapped = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            if (!seen.Contains(codes[i]))
            {
                codes[i] = latest;
                remapped++;
            }
        }
        return (remapped, latest);
    }

    private static int Column(EncodedSplit grid, string name)
    {
        for (var c = 0; c < grid.Columns.Count; c++)
        {
            if (grid.Columns[c] == name)
            {
                return c;
            }
        }
        throw new DataException($"the grid has no '{name}' column, which the out-of-time split needs");
    }
}
