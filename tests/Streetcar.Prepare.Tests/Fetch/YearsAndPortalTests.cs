using System.Text;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Fetch;
using Streetcar.Prepare.Output;

namespace Streetcar.Prepare.Tests.Fetch;

/// <summary>Which files the config's years need, files no pin covers, the portal's resources today, and pinning.</summary>
public sealed class YearsAndPortalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Source => Directory.CreateDirectory(_temp.Sub("source")).FullName;

    private string Target => _temp.Sub("raw");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static ManifestEntry Pin(string name) => new(name, ContentHash.OfBytes(Bytes(name)));

    private string InSource(string name, string? content = null)
    {
        var path = Path.Combine(Source, name);
        File.WriteAllBytes(path, Bytes(content ?? name));
        return path;
    }

    [Fact]
    public async Task OnlyThePinnedFilesOfTheConfigsYears_AreFetched()
    {
        var manifest = new WorkbookManifest([Pin("d-2014.xlsx"), Pin("d-2015.xlsx"), Pin("d-2016.xlsx")]);
        InSource("d-2015.xlsx");

        var result = await RawDataFetcher.FetchAsync(manifest, new FetchOptions(Target, Source, Years: new YearRange(2015, 2015)));

        Assert.Equal(["d-2015.xlsx"], result.Files.Select(f => f.FileName));
        Assert.False(result.NewVintageAccepted);
    }

    [Fact]
    public async Task AYearNoPinCovers_IsAnError_UnlessANewVintageIsAccepted()
    {
        var manifest = new WorkbookManifest([Pin("d-2019.xlsx")]);
        InSource("d-2019.xlsx");
        InSource("d-2020.xlsx");

        var error = await Assert.ThrowsAsync<DataException>(() =>
            RawDataFetcher.FetchAsync(manifest, new FetchOptions(Target, Source, Years: new YearRange(2019, 2020))));

        Assert.StartsWith("no pinned file for 2020 in the manifest (data/workbooks.sha256)", error.Message);
        Assert.Contains("streetcar pin", error.Message);
        Assert.False(File.Exists(Path.Combine(Target, "d-2020.xlsx")));
    }

    [Fact]
    public async Task AcceptedUnpinnedYears_ComeFromTheSourceFolder_AndAreRecordedAsNotPinned()
    {
        var manifest = new WorkbookManifest([Pin("d-2019.xlsx")]);
        InSource("d-2019.xlsx");
        InSource("d-2020.xlsx");
        InSource("d-2020.csv"); // the same resource in both formats: its xlsx is read, not both
        InSource("d-2021.csv");
        InSource("routes.csv");

        var result = await RawDataFetcher.FetchAsync(manifest, new FetchOptions(Target, Source, AcceptNewVintage: true, Years: new YearRange(2019, 2021)));

        Assert.Equal(["d-2019.xlsx", "d-2020.xlsx", "d-2021.csv"], result.Files.Select(f => f.FileName));
        Assert.Equal([false, true, true], result.Files.Select(f => f.IsUnpinned));
        Assert.True(result.NewVintageAccepted);
        Assert.Equal(result.Paths, RawDataFetcher.Present(manifest, new YearRange(2019, 2021), Target));
    }

    [Fact]
    public async Task UnpinnedYears_ArePickedFromThePortalsPackageShow_XlsxOrCsv()
    {
        using var portal = new CkanFixtureServer()
            .Upload("ttc-streetcar-delay-data-readme", "XLSX", "ttc-streetcar-delay-data-readme.xlsx", Bytes("readme"))
            .Upload("ttc-streetcar-delay-data-2019", "XLSX", "ttc-streetcar-delay-data-2019.xlsx", Bytes("2019"))
            .Upload("ttc-streetcar-delay-data-2020", "XLSX", "ttc-streetcar-delay-data-2020.xlsx", Bytes("2020"))
            .Upload("ttc-streetcar-delay-data-2021", "XLSX", "ttc-streetcar-delay-data-2021.xlsx", Bytes("2021"))
            .Upload("ttc-streetcar-delay-data-2022", "XLSX", "ttc-streetcar-delay-data-2022.xlsx", Bytes("2022"))
            .Upload("ttc-streetcar-delay-data-2023", "XLSX", "ttc-streetcar-delay-data-2023.xlsx", Bytes("2023"))
            .Upload("ttc-streetcar-delay-data-2024", "XLSX", "ttc-streetcar-delay-data-2024.xlsx", Bytes("2024"))
            .Datastore("ttc-streetcar-delay-data-since-2025", "CSV", Bytes("2025 and later"));
        var manifest = new WorkbookManifest([new ManifestEntry("ttc-streetcar-delay-data-2019.xlsx", ContentHash.OfBytes(Bytes("2019")))]);

        var result = await RawDataFetcher.FetchAsync(manifest,
            new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl, AcceptNewVintage: true, Years: new YearRange(2019, 2026)));

        Assert.Equal(
            ["ttc-streetcar-delay-data-2019.xlsx", "ttc-streetcar-delay-data-2020.xlsx", "ttc-streetcar-delay-data-2021.xlsx",
             "ttc-streetcar-delay-data-2022.xlsx", "ttc-streetcar-delay-data-2023.xlsx", "ttc-streetcar-delay-data-2024.xlsx", "ttc-streetcar-delay-data-since-2025.csv"],
            result.Files.Select(f => f.FileName));
        Assert.Equal("2025 and later", File.ReadAllText(Path.Combine(Target, "ttc-streetcar-delay-data-since-2025.csv")));
        Assert.All(result.Files, f => Assert.Equal(FetchOrigin.Downloaded, f.Origin));
        Assert.Single(portal.Requests, r => r.StartsWith("/api/3/action/package_show", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Requests, r => r.Contains("readme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AYearTheRangeNeeds_ThatThePortalDoesNotHave_IsAnErrorNamingIt()
    {
        using var portal = new CkanFixtureServer()
            .Upload("ttc-streetcar-delay-data-2021", "XLSX", "ttc-streetcar-delay-data-2021.xlsx", Bytes("2021"));

        var error = await Assert.ThrowsAsync<DataException>(() => RawDataFetcher.FetchAsync(new WorkbookManifest([]),
            new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl, AcceptNewVintage: true, Years: new YearRange(2021, 2022))));

        Assert.StartsWith("no file for 2022 in ", error.Message);
        Assert.Contains("among the resources of 'ttc-streetcar-delay-data'", error.Message);
    }

    [Theory]
    [InlineData("ttc-streetcar-delay-data-2019", "XLSX", "http://p/dataset/x/resource/y/download/ttc-streetcar-delay-data-2019.xlsx", "ttc-streetcar-delay-data-2019.xlsx")]
    [InlineData("TTC Streetcar Delay Data since 2025", "CSV", "http://p/datastore/dump/abc", "ttc-streetcar-delay-data-since-2025.csv")]
    [InlineData("ttc-streetcar-delay-data-2022.xlsx", "XLSX", "http://p/download/data.xlsx", "ttc-streetcar-delay-data-2022.xlsx")]
    [InlineData("ttc-streetcar-delay-data-2022", "JSON", "http://p/datastore/dump/abc?format=json", null)]
    public void LocalName_OfAPortalResource(string name, string format, string url, string? expected) =>
        Assert.Equal(expected, ResourcePicker.LocalName(new CkanClient.Resource(name, new Uri(url), format)));

    [Fact]
    public void Picker_TakesOneFormatPerResource_AndSeveralResourcesPerYear()
    {
        CkanClient.Resource R(string name, string format, string url) => new(name, new Uri("http://p/" + url), format);
        var resources = new[]
        {
            R("delays-2024-h1", "XLSX", "d/delays-2024-h1.xlsx"),
            R("delays-2024-h2", "CSV", "d/delays-2024-h2.csv"),
            R("delays-2024-h2", "XLSX", "d/delays-2024-h2.xlsx"),
            R("delays-2023", "XLSX", "d/delays-2023.xlsx"),
        };

        var picks = ResourcePicker.ForYears(resources, [2024]);

        Assert.Equal(["delays-2024-h1.xlsx", "delays-2024-h2.xlsx"], picks.Select(p => p.FileName));
    }

    [Fact]
    public void Pinning_KeepsOtherYearsPins_UpdatesAndAddsTheFetchedOnes_AndDropsStaleOnes()
    {
        var current = new WorkbookManifest([Pin("d-2013.xlsx"), Pin("d-2019.xlsx"), Pin("d-2020.xlsx"), Pin("d-2021.xlsx")]);
        FetchedFile Fetched(string name, string content) => new(name, _temp.Sub(name), ContentHash.OfBytes(Bytes(content)), null, FetchOrigin.Downloaded);
        var fetched = new FetchResult([Fetched("d-2019.xlsx", "d-2019.xlsx"), Fetched("d-2020.xlsx", "republished"), Fetched("d-2021.csv", "csv now")]);

        var pin = ManifestPin.Apply(current, new YearRange(2019, 2021), fetched);

        Assert.Equal(["d-2013.xlsx", "d-2019.xlsx", "d-2020.xlsx", "d-2021.csv"], pin.Manifest.Entries.Select(e => e.FileName));
        Assert.Equal(ContentHash.OfBytes(Bytes("republished")), pin.Manifest.Entries[2].Sha256);
        Assert.Equal(
            [("d-2013.xlsx", ManifestPin.Change.Unchanged), ("d-2019.xlsx", ManifestPin.Change.Unchanged), ("d-2020.xlsx", ManifestPin.Change.Updated),
             ("d-2021.csv", ManifestPin.Change.Added), ("d-2021.xlsx", ManifestPin.Change.Removed)],
            pin.Changes);
    }

    [Fact]
    public void PinnedManifest_IsWrittenWhole_AndReadsBack()
    {
        var path = _temp.Sub("workbooks.sha256");
        var manifest = new WorkbookManifest([Pin("d-2019.xlsx"), Pin("d-2025.csv")]);

        ManifestPin.Write(manifest, path);

        Assert.Equal(manifest.Entries, WorkbookManifest.Read(path).Entries);
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task ThePinnedVintagesId_IsTheIdTheDataSummaryNames()
    {
        var workbook = _temp.Sub("ttc-streetcar-delay-data-2014.xlsx");
        XlsxWriter.Write(workbook, ("Jan 2014", [Sheets.Header, Sheets.Row(new DateTime(2014, 1, 2), 501, new TimeSpan(8, 0, 0), "King", 5, "E/B", 4018)]));
        var manifest = new WorkbookManifest([new ManifestEntry(Path.GetFileName(workbook), ContentHash.OfFile(workbook))]);
        var fetched = await RawDataFetcher.FetchAsync(manifest, new FetchOptions(_temp.Path, Years: new YearRange(2014, 2014)));

        var summary = PrepareStage.BuildGrid(new PrepareConfig { EndDate = "2014-12-31" }, fetched.Paths, fetched: fetched).Summary;

        Assert.Equal(new DataVintage(DataVintage.IdOf(manifest), 1, 0, 0), summary.Vintage);
        Assert.Contains("all as pinned", summary.Vintage!.Describe());
    }

    [Fact]
    public void AVintageWithUnpinnedFiles_SaysSo()
    {
        var vintage = DataVintage.Of([new SourceWorkbook("a-2019.xlsx", "h1", "h0"), new SourceWorkbook("a-2025.csv", "h2", NotPinned: true), new SourceWorkbook("a-2018.xlsx", "h3")]);

        Assert.Equal((3, 1, 1, false), (vintage.Files, vintage.DifferentFromPins, vintage.NotPinned, vintage.IsPinned));
        Assert.Contains("new vintage accepted on purpose (1 differ from their pin, 1 not pinned", vintage.Describe());
    }
    [Fact]
    public async Task FromThePortalAsItIsToday_ToAGrid_OldAndNewerSchemaTogether()
    {
        var xlsx = _temp.Sub("upload.xlsx");
        XlsxWriter.Write(xlsx,
            ("Sheet1", []),
            ("Jan 2024", [Sheets.Header, Sheets.Row(new DateTime(2024, 1, 2), 501.0, new TimeSpan(8, 10, 0), "Queen", 5, "E/B", 4402.0)]),
            ("2024", [Sheets.Header, Sheets.Row(new DateTime(2024, 1, 2), 501.0, new TimeSpan(8, 10, 0), "Queen", 5, "E/B", 4402.0)]));
        var csv = "_id,Date,Line,Time,Day,Station,Code,Min Delay,Min Gap,Bound,Vehicle\n" +
            "1,2025-01-03,504 KING,09:15,Friday,KING AND BATHURST,MTSAN,10,20,W,4555.0\n";
        using var portal = new CkanFixtureServer()
            .Upload("ttc-streetcar-delay-data-2024", "XLSX", "ttc-streetcar-delay-data-2024.xlsx", File.ReadAllBytes(xlsx))
            .Datastore("ttc-streetcar-delay-data-since-2025", "CSV", Bytes(csv));
        // A Flexity car after 4507 (4555) is a bad vehicle under the book's ranges: widened, as newer years need.
        var config = new PrepareConfig
        {
            StartDate = "2024-01-01",
            EndDate = "2025-12-31",
            RouteDirections = [new("501", "e"), new("504", "w")],
            VehicleRanges = [new(4402, 4604)],
        };

        var fetched = await RawDataFetcher.FetchAsync(new WorkbookManifest([]),
            new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl, AcceptNewVintage: true, Years: YearRange.Of(config)));
        var summary = PrepareStage.BuildGrid(config, fetched.Paths, fetched: fetched).Summary;

        Assert.Equal((2, 1, 1, 1), (summary.Ingest.Rows, summary.Ingest.EmptySheetsSkipped, summary.Ingest.RowsRepeatedAcrossSheets, summary.Ingest.SheetsWithNewerSchema));
        Assert.Equal(2, summary.Clean.RowsAfterRemoval);
        Assert.Equal(2, summary.Reshape.Delays);
        Assert.Equal((2, 2), (summary.Vintage!.Files, summary.Vintage.NotPinned));
        Assert.True(summary.NewVintageAccepted);
    }
}
