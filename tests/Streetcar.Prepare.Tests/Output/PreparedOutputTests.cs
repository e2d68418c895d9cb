using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Fetch;
using Streetcar.Prepare.Output;

namespace Streetcar.Prepare.Tests.Output;

public sealed class PreparedOutputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private PreparedGrid Build(FetchResult? fetched = null)
    {
        var path = _temp.Sub("ttc-2014.xlsx");
        var day = new DateTime(2014, 1, 1);
        XlsxWriter.Write(path, ("Jan 2014",
        [
            Sheets.Header,
            Sheets.Row(day, 501, new TimeSpan(8, 0, 0), "Queen at King", 5, "E/B", 4018),
            Sheets.Row(day, 999, new TimeSpan(9, 0, 0), "King", 5, "E/B", 4018),
        ]));
        var config = new PrepareConfig { StartDate = "2014-01-01", EndDate = "2014-01-03", RouteDirections = [new("501", "e"), new("501", "w")] };
        return PrepareStage.BuildGrid(config, [path], fetched: fetched);
    }

    [Fact]
    public void AcceptedNewVintage_IsRecordedInTheSummary()
    {
        var path = _temp.Sub("ttc-2014.xlsx");
        var fetched = new FetchResult([new FetchedFile("ttc-2014.xlsx", path, "new-hash", "pinned-hash", FetchOrigin.Copied)]);

        var summary = Build(fetched).Summary;

        Assert.True(summary.NewVintageAccepted);
        Assert.Equal(new SourceWorkbook("ttc-2014.xlsx", "new-hash", "pinned-hash"), Assert.Single(summary.Sources));
    }

    [Fact]
    public void BuildGrid_RunsEveryStep_AndSummarises()
    {
        var grid = Build();

        Assert.Equal(3 * 2 * 24, grid.Grid.Rows);
        Assert.Equal(1, grid.Summary.Reshape.Delays);
        Assert.Equal(2, grid.Summary.Clean.RawRows);
        Assert.Equal(1, grid.Summary.Clean.BadRoute);
        Assert.Equal("ttc-2014.xlsx", Assert.Single(grid.Summary.Sources).File);
        Assert.Equal(2, grid.Summary.Cardinalities[FeatureColumns.Direction]);
    }

    [Fact]
    public void GridStore_RoundTrips_AndReSplitsWithoutWorkbooks()
    {
        var grid = Build();
        PrepareStage.WriteGrid(_temp.Sub("grid"), grid);

        var read = PrepareStage.ReadGrid(_temp.Sub("grid"));

        Assert.Equal(grid.Grid.Labels, read.Grid.Labels);
        Assert.Equal(grid.Grid.Codes[6], read.Grid.Codes[6]);
        Assert.Equal(grid.Encoders.Select(e => e.Values), read.Encoders.Select(e => e.Values));
        Assert.Equal(SummaryJson.ToJson(grid.Summary), SummaryJson.ToJson(read.Summary));
        var a = PrepareStage.Split(grid, new SplitConfig(), 3);
        var b = PrepareStage.Split(read, new SplitConfig(), 3);
        Assert.Equal(a.Train.Codes[0], b.Train.Codes[0]);
    }

    [Fact]
    public void WriteSplits_WritesThePreparedLayout_Deterministically()
    {
        var grid = Build();
        var splits = PrepareStage.Split(grid, new SplitConfig(), 42);
        PrepareStage.WriteSplits(_temp.Sub("a"), grid, splits);
        PrepareStage.WriteSplits(_temp.Sub("b"), grid, PrepareStage.Split(grid, new SplitConfig(), 42));

        foreach (var name in new[] { PreparedLayout.Train, PreparedLayout.Valid, PreparedLayout.Test, PreparedLayout.Encoders, PreparedLayout.Summary })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.Sub("a"), name)), File.ReadAllBytes(Path.Combine(_temp.Sub("b"), name)));
        }
        var summary = File.ReadAllText(Path.Combine(_temp.Sub("a"), PreparedLayout.Summary));
        Assert.Contains("\"train_rows\": 92", summary);
        Assert.DoesNotContain(_temp.Path, summary);
        Assert.DoesNotContain("\r", summary);
        Assert.Equal(splits.Test.Labels, EncodedSplitFile.Read(Path.Combine(_temp.Sub("a"), PreparedLayout.Test)).Labels);
        Assert.Equal(FeatureColumns.All, EncodersFile.Read(Path.Combine(_temp.Sub("a"), PreparedLayout.Encoders)).Select(e => e.Column));
    }

    [Fact]
    public void Csv_HasRawValuesCodesAndTarget()
    {
        var grid = Build();
        PrepareStage.ExportCsv(_temp.Sub("grid.csv"), grid);

        var lines = File.ReadAllLines(_temp.Sub("grid.csv"));

        Assert.Equal("route,route_code,direction,direction_code,hour,hour_code,year,year_code,month,month_code,day_of_month,day_of_month_code,weekday,weekday_code,target", lines[0]);
        Assert.Equal(grid.Grid.Rows + 1, lines.Length);
        Assert.Equal("501,0,e,0,0,0,2014,0,1,0,1,0,2,0,0", lines[1]);
        Assert.Single(lines, l => l.EndsWith(",1", StringComparison.Ordinal));
    }
}
