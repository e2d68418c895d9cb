namespace Streetcar.Prepare.Ingest;

/// <summary>Where a row came from: workbook file name, sheet name (as stored, trailing spaces included) and 1-based row.</summary>
public sealed record RowSource(string File, string Sheet, int Row)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}, sheet '{Sheet}', row {Row}";
}
