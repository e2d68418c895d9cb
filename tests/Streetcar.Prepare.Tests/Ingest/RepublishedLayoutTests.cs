using Streetcar.Core.Errors;
using Streetcar.Prepare.Clean;
using Streetcar.Prepare.Ingest;
using Streetcar.Prepare.Output;

namespace Streetcar.Prepare.Tests.Ingest;

/// <summary>The layouts of the files as the portal publishes them today (issue 14), each built here as a fixture.</summary>
public sealed class RepublishedLayoutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly DateTime Jan2 = new(2021, 1, 2);
    private static readonly DateTime Feb3 = new(2021, 2, 3);

    private static readonly object?[] NewerHeader =
        ["Date", "Line", "Time", "Day", "Station", "Code", "Min Delay", "Min Gap", "Bound", "Vehicle"];

    private static object?[] JanRow => Sheets.Row(Jan2, 505, new TimeSpan(6, 31, 0), "Dundas and Roncesvalles", 4, "E/B", 4018);

    private static object?[] JanRowLater => Sheets.Row(Jan2, 505, new TimeSpan(6, 45, 0), "Dundas and Roncesvalles", 4, "E/B", 4018);

    private static object?[] FebRow => Sheets.Row(Feb3, 504, new TimeSpan(17, 5, 0), "King and Bathurst", 12, "W/B", 4410);

    private string Workbook(string name, params (string Name, object?[][] Rows)[] sheets)
    {
        var path = _temp.Sub(name);
        XlsxWriter.Write(path, sheets);
        return path;
    }

    [Fact]
    public void EmptySheetBesideTheData_IsSkippedAndCounted()
    {
        var path = Workbook("delays-2021.xlsx", ("Sheet1", []), ("Jan 2021", [Sheets.Header, JanRow]), ("Sheet3", []));

        var ingest = IncidentIngest.ReadAll([path]);

        Assert.Single(ingest.Rows);
        Assert.Equal([true, false, true], ingest.Workbooks[0].Sheets.Select(s => s.IsEmpty));
        Assert.Equal(2, IngestSummary.Of(ingest).EmptySheetsSkipped);
    }

    [Fact]
    public void AWorkbookWithOnlyEmptySheets_IsAnErrorNamingIt()
    {
        var path = Workbook("delays-2021.xlsx", ("Sheet1", []), ("Sheet2", []));

        var error = Assert.Throws<DataException>(() => WorkbookReader.Read(path));

        Assert.Equal("delays-2021.xlsx: no incident rows in any sheet (2 sheet(s), 2 empty)", error.Message);
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("January")]
    [InlineData("A")]
    public void ASingleWholeYearSheet_NamedAnything_IsRead(string sheetName)
    {
        var path = Workbook("delays-2021.xlsx", (sheetName, [Sheets.Header, JanRow, FebRow]));

        var content = WorkbookReader.Read(path);

        Assert.Equal([1, 2], content.Rows.Select(r => r.ReportDate.Month));
        Assert.Equal(sheetName, Assert.Single(content.Sheets).Sheet);
    }

    [Fact]
    public void MonthlySheetsAndAWholeYearSheet_CountEachRecordOnce()
    {
        var path = Workbook("delays-2021.xlsx",
            ("Jan 2021", [Sheets.Header, JanRow, JanRowLater]),
            ("Feb 2021", [Sheets.Header, FebRow]),
            ("2021", [Sheets.Header, JanRow, JanRowLater, FebRow]));

        var content = WorkbookReader.Read(path);

        Assert.Equal(3, content.Rows.Count);
        Assert.Equal(3, content.RowsRepeatedAcrossSheets);
        Assert.All(content.Rows, r => Assert.NotEqual("2021", r.Source.Sheet));
    }

    [Fact]
    public void ARowRepeatedWithinOneSheet_Stays_AndIsNotAddedAgainByTheWholeYearSheet()
    {
        var path = Workbook("delays-2021.xlsx",
            ("Jan 2021", [Sheets.Header, JanRow, JanRow]),
            ("2021", [Sheets.Header, JanRow, JanRow, JanRow, FebRow]));

        var content = WorkbookReader.Read(path);

        // Jan holds the record twice (kept, as the book keeps such rows); the year sheet holds it three times, so
        // one more copy is new; its first two copies and nothing else are repeats.
        Assert.Equal(4, content.Rows.Count);
        Assert.Equal(2, content.RowsRepeatedAcrossSheets);
        Assert.Equal(3, content.Rows.Count(r => r.ReportDate == DateOnly.FromDateTime(Jan2)));
    }

    [Fact]
    public void RowsRepeatedAcrossSheetsOfDifferentWorkbooks_AreNotTouched()
    {
        var first = Workbook("a-2021.xlsx", ("Jan 2021", [Sheets.Header, JanRow]));
        var second = Workbook("b-2021.xlsx", ("Jan 2021", [Sheets.Header, JanRow]));

        var ingest = IncidentIngest.ReadAll([first, second]);

        Assert.Equal(2, ingest.Rows.Count);
        Assert.Equal(0, IngestSummary.Of(ingest).RowsRepeatedAcrossSheets);
    }

    [Fact]
    public void RouteAndVehicleStoredAsFloats_ReadAsTheIntegerText()
    {
        var path = Workbook("delays-2021.xlsx", ("Jan 2021",
        [
            Sheets.Header,
            [Jan2, 504.0, new TimeSpan(8, 0, 0), "Saturday", "King", "Mechanical", 5.0, 10.0, "E/B", 4402.0],
            [Jan2, "504.0", new TimeSpan(9, 0, 0), "Saturday", "King", "Mechanical", 5.0, 10.0, "E/B", "4402.0"],
            [Jan2, "504.5", new TimeSpan(9, 0, 0), "Saturday", "King", "Mechanical", 5.0, 10.0, "E/B", "44.02"],
        ]));

        var rows = WorkbookReader.Read(path).Rows;

        Assert.Equal([("504", "4402"), ("504", "4402"), ("504.5", "44.02")], rows.Select(r => (r.Route, r.Vehicle)));
    }

    [Fact]
    public void NewerSchema_Xlsx_MapsOntoTheSameIncidentRecord()
    {
        var path = Workbook("delays-2021.xlsx", ("2021",
        [
            NewerHeader,
            [Jan2, "505 DUNDAS", new TimeSpan(6, 31, 0), "Saturday", "DUNDAS AND RONCESVALLES", "MTSAN", 4.0, 10.0, "E", 4018.0],
            [Jan2, "504A KING", new TimeSpan(7, 2, 0), "Saturday", "KING AND BATHURST", "ETO", null, null, "W", null],
        ]));

        var content = WorkbookReader.Read(path);

        var first = content.Rows[0];
        Assert.Equal(("505", 6, "DUNDAS AND RONCESVALLES", "MTSAN", 4.0, 10.0, "E", "4018"),
            (first.Route, first.Hour, first.Location, first.Incident, first.MinDelay, first.MinGap, first.Direction, first.Vehicle));
        Assert.Equal(("504", (double?)null, (string?)null), (content.Rows[1].Route, content.Rows[1].MinDelay, content.Rows[1].Vehicle));
        Assert.True(Assert.Single(content.Sheets).NewerSchema);
    }

    [Fact]
    public void NewerSchema_Csv_WithTheDatastoreIdAndQuotedFields_ReadsLikeTheWorkbook()
    {
        var csv = _temp.Sub("ttc-streetcar-delay-data-2021.csv");
        File.WriteAllText(csv,
            "_id,Date,Line,Time,Day,Station,Code,Min Delay,Min Gap,Bound,Vehicle\n" +
            "1,2021-01-02,505 DUNDAS,06:31,Saturday,\"DUNDAS, AT RONCESVALLES\",MTSAN,4,10,E,4018.0\n" +
            ",,,,,,,,,,\n" +
            "2,2021-02-03,504 KING,17:05,Wednesday,KING AND BATHURST,ETO,12,24,W,\n");
        var xlsx = Workbook("ttc-streetcar-delay-data-2021.xlsx", ("Sheet1",
        [
            NewerHeader,
            [Jan2, "505 DUNDAS", new TimeSpan(6, 31, 0), "Saturday", "DUNDAS, AT RONCESVALLES", "MTSAN", 4.0, 10.0, "E", 4018.0],
            [Feb3, "504 KING", new TimeSpan(17, 5, 0), "Wednesday", "KING AND BATHURST", "ETO", 12.0, 24.0, "W", null],
        ]));

        var fromCsv = WorkbookReader.Read(csv);
        var fromXlsx = WorkbookReader.Read(xlsx);

        Assert.Equal(2, fromCsv.Rows.Count);
        Assert.Equal(1, fromCsv.Sheets[0].EmptyRowsSkipped);
        Assert.Equal(fromXlsx.Rows.Select(Cleaned), fromCsv.Rows.Select(Cleaned));
        Assert.Equal(new RowSource("ttc-streetcar-delay-data-2021.csv", "ttc-streetcar-delay-data-2021.csv", 4), fromCsv.Rows[1].Source);
    }

    [Fact]
    public void NewerSchema_ARowWithAnEmptyTime_IsDroppedAndCounted_WithWhereItIs()
    {
        var xlsx = Workbook("ttc-streetcar-delay-data-2021.xlsx", ("Sheet1",
        [
            NewerHeader,
            [Jan2, "505 DUNDAS", new TimeSpan(6, 31, 0), "Saturday", "DUNDAS AND RONCESVALLES", "MTSAN", 4.0, 10.0, "E", 4018.0],
            [Jan2, "504 KING", null, "Saturday", "KING AND BATHURST", "ETO", 6.0, 12.0, "W", 4410.0],
            [Feb3, "504 KING", new TimeSpan(17, 5, 0), "Wednesday", "KING AND BATHURST", "ETO", 12.0, 24.0, "W", null],
        ]));
        var csv = _temp.Sub("ttc-streetcar-delay-data-2022.csv");
        File.WriteAllText(csv,
            "_id,Date,Line,Time,Day,Station,Code,Min Delay,Min Gap,Bound,Vehicle\n" +
            "1,2022-01-02,505 DUNDAS,,Sunday,DUNDAS AND RONCESVALLES,MTSAN,4,10,E,4018\n" +
            "2,2022-02-03,504 KING,17:05,Thursday,KING AND BATHURST,ETO,12,24,W,\n" +
            "3,2022-02-04,504 KING,17:35,Friday,KING AND BATHURST,ETO,12,24,W,\n");

        var ingest = IncidentIngest.ReadAll([xlsx, csv]);

        Assert.Equal(4, ingest.Rows.Count);
        var summary = IngestSummary.Of(ingest);
        Assert.Equal(2, summary.RowsUnreadable);
        Assert.Equal(
            [
                "ttc-streetcar-delay-data-2021.xlsx, sheet 'Sheet1', row 3: unparseable Time (empty cell)",
                "ttc-streetcar-delay-data-2022.csv, sheet 'ttc-streetcar-delay-data-2022.csv', row 2: unparseable Time (empty cell)",
            ],
            summary.UnreadableRowSamples);
    }

    [Fact]
    public void UnreadableRowSamples_AreTheFirstFive_InFileSheetAndRowOrder()
    {
        var rows = new List<object?[]> { Sheets.Header };
        for (var i = 0; i < 7; i++)
        {
            var bad = Sheets.Row(Jan2, 505, new TimeSpan(6, i, 0), "Dundas", 4, "E/B", 4018);
            bad[2] = null;
            rows.Add(bad);
            rows.Add(Sheets.Row(Jan2, 505, new TimeSpan(7, i, 0), "Dundas", 4, "E/B", 4018));
            rows.Add(Sheets.Row(Jan2, 505, new TimeSpan(8, i, 0), "Dundas", 4, "E/B", 4018));
        }
        var path = Workbook("ttc-streetcar-delay-data-2021.xlsx", ("Jan 2021", rows.ToArray()));

        var summary = IngestSummary.Of(IncidentIngest.ReadAll([path]));

        Assert.Equal(7, summary.RowsUnreadable);
        Assert.Equal([2, 5, 8, 11, 14], summary.UnreadableRowSamples.Select(s => int.Parse(s.Split("row ")[1].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NewerAndOlderSchema_CleanToTheSameIncident()
    {
        var older = Workbook("older-2021.xlsx", ("Jan 2021", [Sheets.Header, JanRow]));
        var newer = Workbook("newer-2021.xlsx", ("2021",
        [
            NewerHeader,
            [Jan2, "505 DUNDAS", new TimeSpan(6, 31, 0), "Saturday", "Dundas and Roncesvalles", "Mechanical", 4.0, 10.0, "EB", 4018.0],
        ]));

        Assert.Equal(Cleaned(WorkbookReader.Read(older).Rows[0]), Cleaned(WorkbookReader.Read(newer).Rows[0]));
    }

    [Fact]
    public void AWorkbookMostlyOutsideItsNamesYear_IsAnErrorNamingTheFile()
    {
        var path = Workbook("ttc-streetcar-delay-data-2022.xlsx", ("Sheet1", [Sheets.Header, JanRow, FebRow]));

        var error = Assert.Throws<DataException>(() => IncidentIngest.ReadAll([path]));

        Assert.StartsWith("ttc-streetcar-delay-data-2022.xlsx: 2 of its 2 rows are dated outside 2022", error.Message);
    }

    [Fact]
    public void AFewStrayRowsOutsideTheNamesYear_AreANote()
    {
        var stray = Sheets.Row(new DateTime(2022, 1, 1), 501, new TimeSpan(0, 5, 0), "Queen", 3, "E/B", 4018);
        var path = Workbook("ttc-streetcar-delay-data-2021.xlsx", ("Sheet1", [Sheets.Header, JanRow, FebRow, stray]));

        var ingest = IncidentIngest.ReadAll([path]);

        Assert.Equal(3, ingest.Rows.Count);
        Assert.Equal(1, IngestSummary.Of(ingest).RowsOutsideFileYear);
    }

    [Fact]
    public void RawFolder_ListsWorkbooksAndYearlyCsvs_NotOtherCsvs()
    {
        File.WriteAllText(_temp.Sub("ttc-streetcar-delay-data-2025.csv"), "");
        File.WriteAllText(_temp.Sub("book-routedirection.csv"), "");
        File.WriteAllText(_temp.Sub("ttc-streetcar-delay-data-2019.xlsx"), "");

        var files = PrepareStage.WorkbooksIn(_temp.Path).Select(Path.GetFileName);

        Assert.Equal(["ttc-streetcar-delay-data-2019.xlsx", "ttc-streetcar-delay-data-2025.csv"], files);
    }

    [Theory]
    [InlineData("ttc-streetcar-delay-data-2019.xlsx", 2019)]
    [InlineData("TTC Streetcar Delay Data 2025.csv", 2025)]
    [InlineData("book-routedirection.csv", null)]
    [InlineData("delays-12019.xlsx", null)]
    public void FileYear_IsTheStandAloneYearInTheName(string name, int? year) => Assert.Equal(year, FileYear.Of(name));

    private static CleanIncident Cleaned(RawIncident row) => IncidentCleaner.CleanOne(row) with { Source = new RowSource("", "", 0) };
}
