using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>The report's data section: sources and their hashes, counts, class balance, quality notes.</summary>
internal static class DataSection
{
    public static void Render(StringBuilder md, DataFacts data)
    {
        md.Append("## Data\n\n");
        md.Append("| Workbook | SHA-256 |\n|---|---|\n");
        foreach (var workbook in data.Workbooks)
        {
            md.Append($"| {Format.Cell(workbook.File)} | `{workbook.Sha256}` |\n");
        }
        md.Append('\n');
        if (data.Vintage is not null)
        {
            md.Append($"Data vintage {data.Vintage}.\n\n");
        }
        md.Append("| Figure | Value |\n|---|---:|\n");
        Row(md, "Raw incident records", Format.Count(data.RawRows));
        Row(md, "Records after cleaning", Format.Count(data.CleanRows));
        Row(md, "Grid slots (day × route/direction × hour)", Format.Count(data.GridSlots));
        Row(md, $"Dataset rows (reshape mode `{data.ReshapeMode}`)", Format.Count(data.DatasetRows));
        Row(md, "Delays (target 1)", Format.Count(data.Delays));
        Row(md, "No delays (target 0)", Format.Count(data.NoDelays));
        var ratio = data.Delays == 0 ? double.NaN : (double)data.NoDelays / data.Delays;
        Row(md, "Class ratio (no delays per delay)", Format.Ratio(ratio));
        Row(md, "Train / validation / test rows", $"{Format.Count(data.TrainRows)} / {Format.Count(data.ValidRows)} / {Format.Count(data.TestRows)}");
        md.Append('\n');
        if (data.Notes.Count > 0)
        {
            md.Append("Data-quality notes from Prepare:\n\n");
            foreach (var note in data.Notes)
            {
                md.Append($"- {note.What}: {Format.Count(note.Count)}\n");
            }
            md.Append('\n');
        }
    }

    private static void Row(StringBuilder md, string figure, string value) => md.Append($"| {figure} | {value} |\n");
}
