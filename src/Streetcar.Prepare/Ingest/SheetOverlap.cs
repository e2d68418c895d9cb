namespace Streetcar.Prepare.Ingest;

/// <summary>
/// Rows repeated across the sheets of one workbook count once. The republished workbooks hold monthly sheets and a
/// whole-year sheet repeating their rows; an identical record (every cell, the time to the second) in two sheets is
/// one incident. Within one sheet a repeat stays, as the book keeps it (the pinned vintage has such rows and its
/// figures must not change): a record kept k times is the most times any single sheet holds it.
/// </summary>
internal static class SheetOverlap
{
    private static readonly RowSource Anywhere = new("", "", 0);

    /// <summary>The rows of <paramref name="sheets"/> in sheet and row order, each record counted once across sheets, and how many were dropped.</summary>
    public static (List<RawIncident> Rows, int Repeated) CountOnce(IReadOnlyList<SheetRows> sheets)
    {
        var rows = new List<RawIncident>(sheets.Sum(s => s.Rows.Count));
        var heldBefore = new Dictionary<(RawIncident, TimeSpan), int>();
        var repeated = 0;
        foreach (var sheet in sheets)
        {
            var held = new Dictionary<(RawIncident, TimeSpan), int>();
            for (var i = 0; i < sheet.Rows.Count; i++)
            {
                var key = (sheet.Rows[i] with { Source = Anywhere }, sheet.Times[i]);
                var occurrence = held[key] = held.GetValueOrDefault(key) + 1;
                // The n-th copy in this sheet is new only when no earlier sheet already held n copies.
                if (occurrence > heldBefore.GetValueOrDefault(key))
                {
                    rows.Add(sheet.Rows[i]);
                }
                else
                {
                    repeated++;
                }
            }
            foreach (var (key, count) in held)
            {
                heldBefore[key] = Math.Max(count, heldBefore.GetValueOrDefault(key));
            }
        }
        return (rows, repeated);
    }
}
