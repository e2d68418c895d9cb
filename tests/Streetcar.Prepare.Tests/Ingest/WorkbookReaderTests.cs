using Streetcar.Core.Errors;
using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Tests.Ingest;

public sealed class WorkbookReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly DateTime Jan2 = new(2014, 1, 2);

    private string Workbook(params (string Name, object?[][] Rows)[] sheets)
    {
        var path = _temp.Sub($"book-{sheets.Length}-{sheets[0].Rows.Length}.xlsx");
        XlsxWriter.Write(path, sheets);
        return path;
    }

    [Fact]
    public void ReadsEverySheet_WithTheKnownQuirks()
    {
        var path = Workbook(
            ("Jan 2014", [Sheets.Header, Sheets.Row(Jan2, 505, new TimeSpan(6, 31, 0), "Dundas and Roncesvalles", 4, "E/B", 4018)]),
            ("Apr 2019 ", // trailing space, Incident ID, Delay/Gap, a full date-time in Time, a float delay, an empty row
            [
                ["Report Date", "Route", "Time", "Day", "Location", "Incident ID", "Incident", "Delay", "Gap", "Direction", "Vehicle"],
                [Jan2, 501.0, new DateTime(2014, 1, 2, 14, 5, 0), "Thursday", "King", 7.0, "Held By", 12.5, 15.0, "W/B", null],
                [null, null, null, null, null, null, null, null, null, null, null],
                [Jan2, 504.0, new TimeSpan(23, 59, 0), "Thursday", "Queen", 8.0, "Held By", 3.0, 6.0, "eb", 4100.0],
            ]));

        var content = WorkbookReader.Read(path);

        Assert.Equal(3, content.Rows.Count);
        var first = content.Rows[0];
        Assert.Equal((new DateOnly(2014, 1, 2), 6, "505", "4018", 4.0, "E/B"), (first.ReportDate, first.Hour, first.Route, first.Vehicle, first.MinDelay, first.Direction));
        var second = content.Rows[1];
        Assert.Equal((14, "501", (string?)null, 12.5, 15.0), (second.Hour, second.Route, second.Vehicle, second.MinDelay, second.MinGap));
        Assert.Equal(new RowSource(Path.GetFileName(path), "Apr 2019 ", 2), second.Source);
        Assert.Equal(23, content.Rows[2].Hour);
        var quirks = content.Sheets[1];
        Assert.Equal((2, 1, true, true, 1), (quirks.Rows, quirks.EmptyRowsSkipped, quirks.DelayGapRenamed, quirks.HasIncidentId, quirks.FullDateTimeTimeCells));
    }

    [Fact]
    public void UnknownHeader_NamesFileAndSheet()
    {
        var path = Workbook(("Feb 2014", [["Report Date", "Route", "Time", "Day", "Where", "Incident", "Min Delay", "Min Gap", "Direction", "Vehicle"]]));

        var error = Assert.Throws<DataException>(() => WorkbookReader.Read(path));

        Assert.StartsWith($"{Path.GetFileName(path)}, sheet 'Feb 2014': unknown column layout (unexpected column 'Where')", error.Message);
    }

    [Fact]
    public void MissingColumn_IsAnUnknownLayout()
    {
        var path = Workbook(("Feb 2014", [Sheets.Header.Take(9).ToArray()]));

        var error = Assert.Throws<DataException>(() => WorkbookReader.Read(path));

        Assert.Contains("unknown column layout (missing column(s) 'Vehicle')", error.Message);
    }

    [Fact]
    public void UnparseableDate_DropsTheRow_AndRecordsFileSheetAndRow()
    {
        var bad = Sheets.Row(Jan2, 501, TimeSpan.Zero, "King", 1, "E/B", 4018);
        bad[0] = "the second of Jan";
        var path = Workbook(("Mar 2014", [Sheets.Header, Sheets.Row(Jan2, 501, TimeSpan.Zero, "King", 1, "E/B", 4018), bad, Sheets.Row(Jan2, 504, TimeSpan.Zero, "Queen", 2, "W/B", 4100)]));

        var content = WorkbookReader.Read(path);

        Assert.Equal(["501", "504"], content.Rows.Select(r => r.Route));
        var fault = Assert.Single(content.UnreadableRows);
        Assert.Equal($"{Path.GetFileName(path)}, sheet 'Mar 2014', row 3: unparseable Report Date 'the second of Jan' (String)", fault.ToString());
    }

    [Theory]
    [InlineData(2, null, "unparseable Time (empty cell)")] // the portal's kind of fault: one row with an empty Time
    [InlineData(2, "25:99", "unparseable Time '25:99' (String)")]
    [InlineData(0, null, "unparseable Report Date (empty cell)")]
    [InlineData(0, "", "unparseable Report Date (empty cell)")]
    public void EmptyOrUnparseableRequiredCell_DropsOnlyThatRow(int column, string? cell, string problem)
    {
        var bad = Sheets.Row(Jan2, 505, new TimeSpan(7, 0, 0), "Broadview", 3, "E/B", 4018);
        bad[column] = cell;
        var good = Sheets.Row(Jan2, 501, new TimeSpan(8, 0, 0), "King", 1, "E/B", 4018);
        var path = Workbook(("Jan 2014", [Sheets.Header, good, good, bad, good]));

        var content = WorkbookReader.Read(path);

        Assert.Equal(3, content.Rows.Count);
        Assert.All(content.Rows, r => Assert.Equal("501", r.Route));
        var fault = Assert.Single(content.UnreadableRows);
        Assert.Equal((Path.GetFileName(path), "Jan 2014", 4, problem), (fault.Source.File, fault.Source.Sheet, fault.Source.Row, fault.Problem));
    }

    [Fact]
    public void AFileMostOfWhoseRowsFail_IsAnErrorNamingIt_AndTheFirstFault()
    {
        var bad = Sheets.Row(Jan2, 505, new TimeSpan(7, 0, 0), "Broadview", 3, "E/B", 4018);
        bad[2] = null;
        var good = Sheets.Row(Jan2, 501, new TimeSpan(8, 0, 0), "King", 1, "E/B", 4018);
        var path = Workbook(("Jan 2014", [Sheets.Header, bad, good, bad]));

        var error = Assert.Throws<DataException>(() => WorkbookReader.Read(path));

        Assert.Equal(
            $"{Path.GetFileName(path)}: 2 of 3 rows have an empty or unparseable Report Date or Time, so it is not a delay file this project can read; " +
            $"the first: {Path.GetFileName(path)}, sheet 'Jan 2014', row 2: unparseable Time (empty cell)",
            error.Message);
    }

    [Fact]
    public void HalfTheRowsFailing_IsStillCleaning_NotAFailure()
    {
        var bad = Sheets.Row(Jan2, 505, new TimeSpan(7, 0, 0), "Broadview", 3, "E/B", 4018);
        bad[0] = "not a date";
        var path = Workbook(("Jan 2014", [Sheets.Header, bad, Sheets.Row(Jan2, 501, new TimeSpan(8, 0, 0), "King", 1, "E/B", 4018)]));

        var content = WorkbookReader.Read(path);

        Assert.Single(content.Rows);
        Assert.Single(content.UnreadableRows);
    }

    [Fact]
    public void CorruptFile_IsAClearError()
    {
        var path = _temp.Sub("corrupt.xlsx");
        File.WriteAllText(path, "this is not a zip");

        var error = Assert.Throws<DataException>(() => WorkbookReader.Read(path));

        Assert.StartsWith("corrupt.xlsx: not a readable xlsx workbook", error.Message);
    }

    [Fact]
    public void MissingWorkbook_IsAClearError()
    {
        var error = Assert.Throws<DataException>(() => WorkbookReader.Read(_temp.Sub("gone.xlsx")));

        Assert.StartsWith("gone.xlsx: workbook not found", error.Message);
    }

    [Fact]
    public void EmptyFolder_IsAClearError()
    {
        var error = Assert.Throws<DataException>(() => PrepareStage.WorkbooksIn(_temp.Path));

        Assert.Contains("no workbooks (*.xlsx)", error.Message);
    }

    [Fact]
    public void ABadWorkbookAmongGoodOnes_IsReportedAsItself_NotAsAnAggregate()
    {
        var good = Workbook(("Jan 2014", [Sheets.Header, Sheets.Row(Jan2, 505, TimeSpan.Zero, "King", 1, "E/B", 4018)]));
        var corrupt = _temp.Sub("z-corrupt.xlsx");
        File.WriteAllText(corrupt, "garbage");

        var error = Assert.Throws<DataException>(() => IncidentIngest.ReadAll([good, corrupt, good]));

        Assert.StartsWith("z-corrupt.xlsx: not a readable xlsx workbook", error.Message);
    }

    [Fact]
    public void NoWorkbooks_IsAnIngestError() =>
        Assert.Throws<DataException>(() => IncidentIngest.ReadAll([]));

    [Fact]
    public void DataFrame_HasOneRowPerIncident()
    {
        var path = Workbook(("Jan 2014", [Sheets.Header, Sheets.Row(Jan2, 505, new TimeSpan(6, 31, 0), "King", null, "E/B", 4018)]));

        var frame = IncidentFrame.ToDataFrame(IncidentIngest.ReadAll([path]).Rows);

        Assert.Equal(1, frame.Rows.Count);
        Assert.Equal("505", frame["Route"][0]);
        Assert.Null(frame["Min Delay"][0]);
    }
}
