using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Output;

namespace Streetcar.Prepare.Tests;

/// <summary>Reads the shared TTC workbooks once per test class.</summary>
public sealed class RealDataFixture
{
    public RealDataFixture()
    {
        Workbooks = PrepareStage.WorkbooksIn(RepoPaths.DataSource);
        Book = PrepareStage.BuildGrid(new PrepareConfig(), Workbooks);
    }

    public IReadOnlyList<string> Workbooks { get; }

    public PreparedGrid Book { get; }
}

/// <summary>
/// The figures of issue 3 §6 on the real workbooks (<c>STREETCAR_DATA_SOURCE</c>, default the shipped <c>data/ttc</c>),
/// book mode, 2014-01-01..2019-12-31.
/// </summary>
public sealed class RealDataTests(RealDataFixture data) : IClassFixture<RealDataFixture>
{
    private DataSummary Summary => data.Book.Summary;

    [Fact]
    public void RawRecords()
    {
        Assert.Equal(76_891, Summary.Clean.RawRows);
        Assert.Equal([11_027, 12_221, 14_021, 13_762, 15_612, 10_248], Years(Summary.Clean.RawRowsByYear));
    }

    [Fact]
    public void BadValues()
    {
        Assert.Equal((2_505, 405, 13_839), (Summary.Clean.BadRoute, Summary.Clean.BadDirection, Summary.Clean.BadVehicle));
    }

    [Fact]
    public void DistinctValuesBeforeAndAfterCleaning()
    {
        Assert.Equal(new(114, 15), Summary.Clean.Route);
        Assert.Equal(new(2_619, 1_019), Summary.Clean.Vehicle);
        Assert.Equal(new(101, 5), Summary.Clean.Direction);
        Assert.Equal(new(16_867, 10_862), Summary.Clean.Location);
    }

    [Fact]
    public void RowsAfterRemovingBadOnes()
    {
        Assert.Equal(60_754, Summary.Clean.RowsAfterRemoval);
        Assert.Equal([9_371, 10_898, 11_908, 9_891, 12_011, 6_675], Years(Summary.Clean.RowsAfterRemovalByYear));
    }

    [Fact]
    public void BookModeGrid()
    {
        Assert.Equal(2_944_704, Summary.Reshape.GridSlots);
        Assert.Equal((2_952_559, 59_271, 2_893_288), (Summary.Reshape.Rows, Summary.Reshape.Delays, Summary.Reshape.NoDelays));
        Assert.Equal(48.8146, Summary.Reshape.ClassRatio);
        Assert.Equal(2_952_559, data.Book.Grid.Rows);
        Assert.Equal(59_271, data.Book.Grid.Positives);
    }

    [Fact]
    public void QuirkCounts()
    {
        Assert.Equal(1, Summary.Reshape.DuplicateTableRows);
        Assert.Equal("2019-10-31", Summary.Reshape.LastIncidentDate);
        Assert.Equal(61, Summary.Reshape.GridDaysAfterLastIncident);
        // The direction rule removes every 'b', so no incident is ever "b": the 14 "b" pairs are never positive.
        Assert.Equal(14, Summary.Reshape.PairsNeverPositive.Count);
        Assert.All(Summary.Reshape.PairsNeverPositive, p => Assert.EndsWith(",b", p));
        Assert.Equal(60_754, Summary.Reshape.IncidentsJoined + Summary.Reshape.IncidentsPairNotInTable + Summary.Reshape.IncidentsOutsideDates);
        Assert.Equal((70, 2, 1, 4), (Summary.Ingest.Sheets, Summary.Ingest.SheetsWithDelayGapNames, Summary.Ingest.SheetsWithIncidentId, Summary.Ingest.TimeCellsWithFullDateTime));
    }

    [Fact]
    public void PinnedVintage_HasNoneOfTheRepublishedLayoutsNotes()
    {
        var ingest = Summary.Ingest;

        Assert.Equal((0, 0, 0, 0), (ingest.EmptySheetsSkipped, ingest.RowsRepeatedAcrossSheets, ingest.RowsOutsideFileYear, ingest.SheetsWithNewerSchema));
    }

    [Fact]
    public void SlotsModeWithoutTheDuplicatePair()
    {
        var slots = PrepareStage.BuildGrid(new PrepareConfig { Mode = ReshapeMode.Slots }, data.Workbooks);

        Assert.Equal((2_892_120, 51_519), (slots.Summary.Reshape.Rows, slots.Summary.Reshape.Delays));
    }

    [Fact]
    public void SplitSizes()
    {
        var splits = PrepareStage.Split(data.Book, new SplitConfig(), 42);

        Assert.Equal((1_889_637, 472_410, 590_512), (splits.Train.Rows, splits.Valid.Rows, splits.Test.Rows));
        Assert.Equal(59_271, splits.Train.Positives + splits.Valid.Positives + splits.Test.Positives);
    }

    [Fact]
    public void OutOfTimeSplit_TestsOn2019_TrainsOn2014To2018()
    {
        var splits = PrepareStage.Split(data.Book, new SplitConfig { ByTime = new ByTimeSplitConfig { TestFrom = "2019-01-01" } }, 42);

        Assert.Equal((1_968_999, 492_250, 491_310), (splits.Train.Rows, splits.Valid.Rows, splits.Test.Rows));
        Assert.Equal((42_139, 10_678, 6_454), (splits.Train.Positives, splits.Valid.Positives, splits.Test.Positives));
        Assert.Equal((splits.Test.Rows, "2018"), (splits.Summary.TestRowsWithUnseenYear, splits.Summary.UnseenYearsCodedAs));
    }

    [Fact]
    public void Cardinalities()
    {
        var expected = new Dictionary<string, int>
        {
            [FeatureColumns.Month] = 12,
            [FeatureColumns.Hour] = 24,
            [FeatureColumns.DayOfMonth] = 31,
            [FeatureColumns.Route] = 14,
            [FeatureColumns.Weekday] = 7,
            [FeatureColumns.Direction] = 5,
            [FeatureColumns.Year] = 6,
        };
        Assert.Equal(expected.OrderBy(p => p.Key), Summary.Cardinalities.OrderBy(p => p.Key));
        Assert.Equal(FeatureColumns.All, data.Book.Encoders.Select(e => e.Column));
    }

    [Fact]
    public void Sources_AreTheSixPinnedWorkbooks()
    {
        var sums = File.ReadAllText(Path.Combine(RepoPaths.DataSource, "SHA256SUMS"));

        Assert.Equal(6, Summary.Sources.Count);
        Assert.All(Summary.Sources, s => Assert.Contains($"{s.Sha256}  {s.File}", sums));
        Assert.False(Summary.NewVintageAccepted);
    }

    private static int[] Years(IReadOnlyDictionary<int, int> byYear) =>
        Enumerable.Range(2014, 6).Select(y => byYear.GetValueOrDefault(y)).ToArray();
}
