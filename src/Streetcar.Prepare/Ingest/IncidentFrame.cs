using Microsoft.Data.Analysis;

namespace Streetcar.Prepare.Ingest;

/// <summary>The incident table as a Microsoft.Data.Analysis <see cref="DataFrame"/>, for inspection and notebooks.</summary>
public static class IncidentFrame
{
    /// <summary>Column names, as in the workbooks (the 2019 <c>Delay</c>/<c>Gap</c> variants are unified).</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["File", "Sheet", "Row", "Report Date", "Hour", "Route", "Day", "Location", "Incident", "Min Delay", "Min Gap", "Direction", "Vehicle"];

    /// <summary>Builds the frame of <paramref name="rows"/> (empty cells are nulls).</summary>
    public static DataFrame ToDataFrame(IReadOnlyList<RawIncident> rows)
    {
        DataFrameColumn[] columns =
        [
            new StringDataFrameColumn("File", rows.Select(r => r.Source.File)),
            new StringDataFrameColumn("Sheet", rows.Select(r => r.Source.Sheet)),
            new Int32DataFrameColumn("Row", rows.Select(r => r.Source.Row)),
            new DateTimeDataFrameColumn("Report Date", rows.Select(r => (DateTime?)r.ReportDate.ToDateTime(TimeOnly.MinValue))),
            new Int32DataFrameColumn("Hour", rows.Select(r => r.Hour)),
            new StringDataFrameColumn("Route", rows.Select(r => r.Route)),
            new StringDataFrameColumn("Day", rows.Select(r => r.Day)),
            new StringDataFrameColumn("Location", rows.Select(r => r.Location)),
            new StringDataFrameColumn("Incident", rows.Select(r => r.Incident)),
            new DoubleDataFrameColumn("Min Delay", rows.Select(r => r.MinDelay)),
            new DoubleDataFrameColumn("Min Gap", rows.Select(r => r.MinGap)),
            new StringDataFrameColumn("Direction", rows.Select(r => r.Direction)),
            new StringDataFrameColumn("Vehicle", rows.Select(r => r.Vehicle)),
        ];
        return new DataFrame(columns);
    }
}
