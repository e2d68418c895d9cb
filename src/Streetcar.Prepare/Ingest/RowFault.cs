namespace Streetcar.Prepare.Ingest;

/// <summary>
/// A row dropped at ingest because a cell every incident needs (its Report Date or Time) is empty or unparseable:
/// cleaning, as the book's rules drop a bad route, not a failure of the whole run (see <see cref="WorkbookReader"/>).
/// </summary>
/// <param name="Source">Where the row is.</param>
/// <param name="Problem">What is wrong with it, e.g. "unparseable Time (empty cell)".</param>
public sealed record RowFault(RowSource Source, string Problem)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Source}: {Problem}";
}
