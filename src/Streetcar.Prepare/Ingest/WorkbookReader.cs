using System.Text;
using ExcelDataReader;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>
/// Reads every sheet of a TTC delay workbook (xlsx, via ExcelDataReader) into <see cref="RawIncident"/> rows.
/// The first row of a sheet is its header; fully empty rows (the 2017–2018 trailing ones) are skipped.
/// </summary>
public static class WorkbookReader
{
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the workbook at <paramref name="path"/>; errors name the file, sheet and row.</summary>
    public static WorkbookContent Read(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DataException($"{file}: workbook not found at {path}");
        }
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var rows = new List<RawIncident>();
            var sheets = new List<SheetSummary>();
            do
            {
                sheets.Add(ReadSheet(reader, file, rows));
            }
            while (reader.NextResult());
            return new WorkbookContent(file, sheets, rows);
        }
        catch (PipelineException)
        {
            throw;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException
            or IOException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new DataException($"{file}: not a readable xlsx workbook ({e.GetType().Name}: {e.Message})");
        }
    }

    private static SheetSummary ReadSheet(IExcelDataReader reader, string file, List<RawIncident> rows)
    {
        var sheet = reader.Name;
        var where = $"{file}, sheet '{sheet}'";
        if (!reader.Read())
        {
            throw new DataException($"{where}: sheet is empty (no header row)");
        }
        var headers = Enumerable.Range(0, reader.FieldCount).Select(i => CellParser.Text(reader.GetValue(i))).ToArray();
        var layout = SheetLayout.FromHeaders(headers, where);
        int rowNumber = 1, count = 0, empty = 0, fullDateTimes = 0;
        var cells = new object?[reader.FieldCount];
        while (reader.Read())
        {
            rowNumber++;
            var any = false;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < reader.FieldCount ? reader.GetValue(i) : null;
                any |= cells[i] is not null && !(cells[i] is string s && s.Length == 0);
            }
            if (!any)
            {
                empty++;
                continue;
            }
            rows.Add(ToIncident(cells, layout, new RowSource(file, sheet, rowNumber)));
            count++;
            // A time of day is stored as a date-time on Excel's day 0 (1899-12-30/31); a later date means a full date-time.
            if (cells[layout.Time] is DateTime time && time.Year > 1900)
            {
                fullDateTimes++;
            }
        }
        return new SheetSummary(sheet, count, empty, layout.DelayGapRenamed, layout.HasIncidentId, fullDateTimes);
    }

    private static RawIncident ToIncident(object?[] cells, SheetLayout layout, RowSource source) => new(
        source,
        CellParser.ReportDate(cells[layout.ReportDate], source),
        CellParser.Hour(cells[layout.Time], source),
        CellParser.Text(cells[layout.Route]),
        CellParser.Text(cells[layout.Day]),
        CellParser.Text(cells[layout.Location]),
        CellParser.Text(cells[layout.Incident]),
        CellParser.Number(cells[layout.MinDelay]),
        CellParser.Number(cells[layout.MinGap]),
        CellParser.Text(cells[layout.Direction]),
        CellParser.Text(cells[layout.Vehicle]));
}
