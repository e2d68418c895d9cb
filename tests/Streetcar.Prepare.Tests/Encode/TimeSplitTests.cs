using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Output;

namespace Streetcar.Prepare.Tests.Encode;

/// <summary>The out-of-time split (<c>split: {by_time: {test_from: …}}</c>) on a small prepared grid, 2018-12-30 .. 2019-01-02.</summary>
public sealed class TimeSplitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private PreparedGrid Grid()
    {
        var path = _temp.Sub("delays.xlsx");
        XlsxWriter.Write(path, ("Sheet1",
        [
            Sheets.Header,
            Sheets.Row(new DateTime(2018, 12, 30), 501, new TimeSpan(8, 0, 0), "Queen", 5, "E/B", 4018),
            Sheets.Row(new DateTime(2019, 1, 2), 501, new TimeSpan(9, 0, 0), "Queen", 5, "W/B", 4018),
        ]));
        var config = new PrepareConfig { StartDate = "2018-12-30", EndDate = "2019-01-02", RouteDirections = [new("501", "e"), new("501", "w")] };
        return PrepareStage.BuildGrid(config, [path]);
    }

    private static SplitConfig ByTime(string date) => new() { ByTime = new ByTimeSplitConfig { TestFrom = date } };

    private static IEnumerable<string> Dates(EncodedSplit split, IReadOnlyList<ColumnEncoder> encoders)
    {
        var (y, m, d) = (FeatureIndex(FeatureColumns.Year), FeatureIndex(FeatureColumns.Month), FeatureIndex(FeatureColumns.DayOfMonth));
        return Enumerable.Range(0, split.Rows).Select(r =>
            $"{encoders[y].Values[split.Codes[y][r]]}-{encoders[m].Values[split.Codes[m][r]].PadLeft(2, '0')}-{encoders[d].Values[split.Codes[d][r]].PadLeft(2, '0')}");
    }

    private static int FeatureIndex(string column) => FeatureColumns.All.ToList().IndexOf(column);

    [Fact]
    public void TestIsEveryRowFromTheDate_TrainAndValidShareTheRowsBefore()
    {
        var grid = Grid();

        var splits = PrepareStage.Split(grid, ByTime("2019-01-01") with { TrainProportion = 0.75 }, 42);

        // 4 days x 2 pairs x 24 hours; two days before 2019-01-01 (96 rows), two from it on (96 rows).
        Assert.Equal((72, 24, 96), (splits.Train.Rows, splits.Valid.Rows, splits.Test.Rows));
        Assert.All(splits.Train.Codes[FeatureIndex(FeatureColumns.Year)].Concat(splits.Valid.Codes[FeatureIndex(FeatureColumns.Year)]),
            code => Assert.Equal("2018", grid.Encoders[FeatureIndex(FeatureColumns.Year)].Values[code]));
        Assert.Equal((1, 0, 1), (splits.Train.Positives + splits.Valid.Positives, 0, splits.Test.Positives));
        Assert.Equal("2019-01-01", splits.Summary.TestFrom);
    }

    [Fact]
    public void ATestYearTrainingNeverSaw_IsCodedAsTheLatestYearItSaw_AndCounted()
    {
        var grid = Grid();

        var splits = PrepareStage.Split(grid, ByTime("2019-01-01"), 42);

        Assert.All(Dates(splits.Test, grid.Encoders), date => Assert.StartsWith("2018-01-0", date));
        Assert.Equal((96, "2018"), (splits.Summary.TestRowsWithUnseenYear, splits.Summary.UnseenYearsCodedAs));
    }

    [Fact]
    public void TestRowsOfAYearTrainingSaw_KeepTheirDate()
    {
        var grid = Grid();

        var splits = PrepareStage.Split(grid, ByTime("2018-12-31"), 42);

        Assert.Equal((48, 144), (splits.Train.Rows + splits.Valid.Rows, splits.Test.Rows));
        Assert.Equal(48, Dates(splits.Test, grid.Encoders).Count(d => d == "2018-12-31"));
        Assert.Equal(96, splits.Summary.TestRowsWithUnseenYear);
    }

    [Fact]
    public void TheSameSeed_GivesTheSameSplit_AndTheRandomSplitIsUntouched()
    {
        var grid = Grid();

        var first = PrepareStage.Split(grid, ByTime("2019-01-01"), 7);
        var second = PrepareStage.Split(grid, ByTime("2019-01-01"), 7);
        var random = PrepareStage.Split(grid, new SplitConfig(), 7);

        Assert.Equal(first.Train.Codes[0], second.Train.Codes[0]);
        Assert.Null(random.Summary.TestFrom);
        Assert.Equal((122, 31, 39), (random.Train.Rows, random.Valid.Rows, random.Test.Rows));
    }

    [Theory]
    [InlineData("2018-12-30")]
    [InlineData("2019-01-03")]
    public void ATestDateWithNothingBeforeOrAfterIt_IsAClearError(string date)
    {
        var error = Assert.Throws<DataException>(() => PrepareStage.Split(Grid(), ByTime(date), 42));

        Assert.StartsWith($"split.by_time.test_from {date}: the grid has", error.Message);
    }
}
