using Streetcar.Core.Hashing;

namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>
/// Broken 2014 workbooks written into a workspace's own data source folder and pinned in its
/// data/workbooks.sha256 with their real hash, so that only the content is wrong (not the pin).
/// </summary>
public static class BadWorkbooks
{
    public static void Corrupt(string path) => File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01]);

    public static void WrongHeaders(string path) => XlsxWriter.Write(path, ("Jan 2014",
    [
        ["Date", "Line", "Time", "Day", "Where", "What", "Delay", "Gap", "Bound", "Car"],
        Sheets.Row(new DateTime(2014, 1, 2), 501, TimeSpan.FromHours(8), "QUEEN AND YONGE", 10, "E/B", 4001),
    ]));

    public static void EmptySheet(string path) => XlsxWriter.Write(path, ("Jan 2014", []));

    public static void BadDates(string path) => XlsxWriter.Write(path, ("Jan 2014",
    [
        Sheets.Header,
        ["the second of January", 501.0, TimeSpan.FromHours(8), "Thursday", "QUEEN AND YONGE", "Mechanical", 10.0, 20.0, "E/B", 4001.0],
    ]));

    public static void ZeroBytes(string path) => File.WriteAllBytes(path, []);

    /// <summary>The first half of the real 2014 workbook, as an interrupted download leaves it.</summary>
    public static void Truncated(string path)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.DataSource, SliceFiles.Workbook));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }

    /// <summary>A CSV saved under the workbook's name: the wrong type of file.</summary>
    public static void CsvInstead(string path) =>
        File.WriteAllText(path, "Report Date,Route,Time,Day,Location,Incident,Min Delay,Min Gap,Direction,Vehicle\n2014-01-02,501,08:00,Thursday,QUEEN,Mechanical,10,20,E/B,4001\n");

    /// <summary>Makes <paramref name="workspace"/> read <paramref name="write"/>'s workbook, pinned by its hash.</summary>
    public static void Install(TestWorkspace workspace, Action<string> write)
    {
        var source = workspace.PathOf("bad-source");
        Directory.CreateDirectory(source);
        var path = Path.Combine(source, SliceFiles.Workbook);
        write(path);
        workspace.Write("data/workbooks.sha256", $"{ContentHash.OfFile(path)}  {SliceFiles.Workbook}\n");
        workspace.DataSource = source;
    }
}
