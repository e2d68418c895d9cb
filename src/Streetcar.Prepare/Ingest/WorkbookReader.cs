using System.Text;
using ExcelDataReader;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>
/// Reads every sheet of a TTC delay workbook (xlsx, via ExcelDataReader) or a CSV resource (one "sheet") into
/// <see cref="RawIncident"/> rows. A sheet's first non-empty row is its header; fully empty rows (the 2017–2018
/// trailing ones) are skipped, and so is a sheet with no rows at all (counted in its <see cref="SheetSummary"/>).
/// Rows repeated across sheets of one workbook (a whole-year sheet beside the monthly ones) count once, see
/// <see cref="SheetOverlap"/>. A workbook most of whose rows fall outside the year in its file name is an error.
/// A row whose Report Date or Time is empty or unparseable is dropped and recorded (<see cref="RowFault"/>), as
/// cleaning drops a bad route; a file where such rows are the majority is not a delay workbook of a known kind and
/// is an error naming it. (Route, direction and vehicle need no rule here: cleaning already marks an empty one bad.)
/// </summary>
public static class WorkbookReader
{
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the workbook or CSV file at <paramref name="path"/>; errors name the file, sheet and row.</summary>
    public static WorkbookContent Read(string path)
    {
        var file = Path.GetFileName(path);
        var csv = IsCsv(path);
        if (!File.Exists(path))
        {
            throw new DataException($"{file}: {(csv ? "CSV file" : "workbook")} not found at {path}");
        }
        List<SheetRows> sheets;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = csv ? ExcelReaderFactory.CreateCsvReader(stream) : ExcelReaderFactory.CreateReader(stream);
            sheets = [];
            do
            {
                sheets.Add(ReadSheet(reader, file, csv));
            }
            while (reader.NextResult());
        }
        catch (PipelineException)
        {
            throw;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException
            or IOException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new DataException($"{file}: not a readable {(csv ? "CSV file" : "xlsx workbook")} ({e.GetType().Name}: {e.Message})");
        }
        var faults = sheets.SelectMany(s => s.Faults).ToArray();
        var read = sheets.Sum(s => s.Rows.Count);
        if (faults.Length > read)
        {
            throw new DataException(
                $"{file}: {faults.Length} of {faults.Length + read} rows have an empty or unparseable Report Date or Time, " +
                $"so it is not a delay file this project can read; the first: {faults[0]}");
        }
        if (sheets.All(s => s.Rows.Count == 0))
        {
            // Empty sheets beside data are skipped; a file with no data at all is not a year of incidents.
            throw new DataException($"{file}: no incident rows in any sheet ({sheets.Count} sheet(s), {sheets.Count(s => s.Summary.IsEmpty)} empty)");
        }
        var (rows, repeated) = SheetOverlap.CountOnce(sheets);
        var outside = FileYear.RowsOutside(file, rows);
        return new WorkbookContent(file, sheets.Select(s => s.Summary).ToArray(), rows, repeated, outside, faults);
    }

    /// <summary>True for a <c>.csv</c> path (any case).</summary>
    public static bool IsCsv(string path) => Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    private static SheetRows ReadSheet(IExcelDataReader reader, string file, bool csv)
    {
        // A CSV has no sheets: its file name stands in for the sheet name in messages.
        var sheet = csv || string.IsNullOrEmpty(reader.Name) ? file : reader.Name;
        var where = $"{file}, sheet '{sheet}'";
        var rows = new List<RawIncident>();
        var times = new List<TimeSpan>();
        var faults = new List<RowFault>();
        SheetLayout? layout = null;
        int rowNumber = 0, empty = 0, fullDateTimes = 0;
        object?[] cells = [];
        while (reader.Read())
        {
            rowNumber++;
            if (layout is null)
            {
                var headers = Enumerable.Range(0, reader.FieldCount).Select(i => CellParser.Text(Cell(reader, i, csv))).ToArray();
                if (headers.All(string.IsNullOrWhiteSpace))
                {
                    continue; // blank rows above the header (a republished sheet) carry nothing
                }
                layout = SheetLayout.FromHeaders(headers, where);
                cells = new object?[reader.FieldCount];
                continue;
            }
            var any = false;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < reader.FieldCount ? Cell(reader, i, csv) : null;
                any |= cells[i] is not null && !(cells[i] is string s && s.Length == 0);
            }
            if (!any)
            {
                empty++;
                continue;
            }
            var source = new RowSource(file, sheet, rowNumber);
            var date = CellParser.TryReportDate(cells[layout.ReportDate]);
            var timeOfDay = CellParser.TryTimeOfDay(cells[layout.Time]);
            if (date is null || timeOfDay is not { } time)
            {
                faults.Add(new RowFault(source, date is null
                    ? CellParser.Unparseable("Report Date", cells[layout.ReportDate])
                    : CellParser.Unparseable("Time", cells[layout.Time])));
                continue;
            }
            rows.Add(ToIncident(cells, layout, source, date.Value, time));
            times.Add(time);
            // A time of day is stored as a date-time on Excel's day 0 (1899-12-30/31); a later date means a full date-time.
            if (cells[layout.Time] is DateTime stamp && stamp.Year > 1900)
            {
                fullDateTimes++;
            }
        }
        var summary = new SheetSummary(
            sheet, rows.Count, empty, layout?.DelayGapRenamed ?? false, layout?.HasIncidentId ?? false, fullDateTimes,
            IsEmpty: layout is null, NewerSchema: layout?.RouteIsLine ?? false);
        return new SheetRows(summary, rows, times, faults);
    }

    // CSV cells are all text; an empty field is an empty cell, as in a workbook.
    private static object? Cell(IExcelDataReader reader, int i, bool csv)
    {
        var value = reader.GetValue(i);
        return csv && value is string { Length: 0 } ? null : value;
    }

    private static RawIncident ToIncident(object?[] cells, SheetLayout layout, RowSource source, DateOnly date, TimeSpan time) => new(
        source,
        date,
        time.Hours,
        layout.RouteIsLine ? CellParser.LineRoute(cells[layout.Route]) : CellParser.Code(cells[layout.Route]),
        CellParser.Text(cells[layout.Day]),
        CellParser.Text(cells[layout.Location]),
        CellParser.Text(cells[layout.Incident]),
        CellParser.Number(cells[layout.MinDelay]),
        CellParser.Number(cells[layout.MinGap]),
        CellParser.Text(cells[layout.Direction]),
        CellParser.Code(cells[layout.Vehicle]));
}
