using Streetcar.Prepare.Ingest;

namespace Streetcar.Prepare.Clean;

/// <summary>
/// Applies the book's cleaning rules to raw incidents: missing values (categorical → "missing", Min Delay/Min Gap →
/// 0), route, vehicle, direction and location rules, then removes rows with a bad route, direction or vehicle
/// when <c>dropBadRows</c> is set.
/// </summary>
public static class IncidentCleaner
{
    /// <summary>
    /// Cleans <paramref name="rows"/>; pure, the input is not changed. <paramref name="vehicleRanges"/>: the valid
    /// vehicle numbers (default the book's, <see cref="VehicleRule.ValidRanges"/>).
    /// </summary>
    public static CleanResult Clean(IReadOnlyList<RawIncident> rows, bool dropBadRows, IReadOnlyList<(int First, int Last)>? vehicleRanges = null)
    {
        var ranges = vehicleRanges ?? VehicleRule.ValidRanges;
        var cleaned = new CleanIncident[rows.Count];
        // Rows are independent (the rules are pure); two halves use both cores.
        Parallel.For(0, 2, half =>
        {
            for (var i = half * rows.Count / 2; i < (half + 1) * rows.Count / 2; i++)
            {
                cleaned[i] = CleanOne(rows[i], ranges);
            }
        });
        var kept = dropBadRows ? cleaned.Where(c => !c.IsBad).ToArray() : cleaned;
        var stats = new CleanStats(
            rows.Count,
            CountByYear(rows.Select(r => r.ReportDate)),
            cleaned.Count(c => c.Route == CleanTokens.BadRoute),
            cleaned.Count(c => c.Direction == CleanTokens.BadDirection),
            cleaned.Count(c => c.Vehicle == CleanTokens.BadVehicle),
            Distinct(rows.Select(r => r.Route ?? CleanTokens.Missing), cleaned.Select(c => c.Route)),
            Distinct(rows.Select(r => r.Vehicle ?? CleanTokens.Missing), cleaned.Select(c => c.Vehicle)),
            Distinct(rows.Select(r => r.Direction ?? CleanTokens.Missing), cleaned.Select(c => c.Direction)),
            Distinct(rows.Select(r => r.Location ?? CleanTokens.Missing), cleaned.Select(c => c.Location)),
            dropBadRows,
            kept.Length,
            CountByYear(kept.Select(c => c.ReportDate)));
        return new CleanResult(kept, stats);
    }

    /// <summary>Applies the rules to one row (the book's vehicle ranges unless <paramref name="vehicleRanges"/> is given).</summary>
    public static CleanIncident CleanOne(RawIncident row, IReadOnlyList<(int First, int Last)>? vehicleRanges = null) => new(
        row.Source,
        row.ReportDate,
        row.Hour,
        RouteRule.Clean(row.Route),
        DirectionRule.Clean(row.Direction),
        VehicleRule.Clean(row.Vehicle, vehicleRanges ?? VehicleRule.ValidRanges),
        LocationRule.Clean(row.Location ?? CleanTokens.Missing),
        row.Incident ?? CleanTokens.Missing,
        row.Day ?? CleanTokens.Missing,
        row.MinDelay ?? 0.0,
        row.MinGap ?? 0.0);

    private static DistinctCount Distinct(IEnumerable<string> before, IEnumerable<string> after) =>
        new(before.Distinct(StringComparer.Ordinal).Count(), after.Distinct(StringComparer.Ordinal).Count());

    private static SortedDictionary<int, int> CountByYear(IEnumerable<DateOnly> dates)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var date in dates)
        {
            counts[date.Year] = counts.GetValueOrDefault(date.Year) + 1;
        }
        return counts;
    }
}
