using Streetcar.Prepare.Clean;
using Streetcar.Prepare.Config;

namespace Streetcar.Prepare.Reshape;

/// <summary>
/// Incidents matched to grid slots: <see cref="Counts"/>[slot] incidents per slot and, in incident order, each
/// joined (slot, label). A slot is <c>(day · pairs + pair) · 24 + hour</c>; an incident whose pair appears k times in
/// the table joins k slots (the book's duplicate <c>304,e</c>).
/// </summary>
internal sealed record SlotJoin(
    int[] Counts,
    List<(int Slot, byte Label)> Joined,
    int IncidentsJoined,
    int PairNotInTable,
    int OutsideDates,
    DateOnly? LastIncident,
    HashSet<RouteDirection> PositivePairs)
{
    public const int HoursPerDay = 24;

    /// <summary>Joins <paramref name="incidents"/> onto the slots of <paramref name="days"/> days × <paramref name="pairs"/> × 24 hours.</summary>
    public static SlotJoin Run(
        IReadOnlyList<CleanIncident> incidents, DateOnly start, int days, IReadOnlyList<RouteDirection> pairs, double threshold)
    {
        var pairSlots = new Dictionary<RouteDirection, List<int>>();
        for (var p = 0; p < pairs.Count; p++)
        {
            if (!pairSlots.TryGetValue(pairs[p], out var list))
            {
                pairSlots[pairs[p]] = list = [];
            }
            list.Add(p);
        }
        var slotCount = (long)days * pairs.Count * HoursPerDay;
        if (slotCount > Array.MaxLength / 2)
        {
            throw new Streetcar.Core.Errors.PipelineException($"grid of {slotCount} slots is too large; shorten the dates");
        }
        var counts = new int[slotCount];
        var joined = new List<(int Slot, byte Label)>(incidents.Count);
        int outside = 0, notInTable = 0, incidentsJoined = 0;
        DateOnly? last = null;
        var positivePairs = new HashSet<RouteDirection>();
        foreach (var incident in incidents)
        {
            last = last is null || incident.ReportDate > last ? incident.ReportDate : last;
            var day = incident.ReportDate.DayNumber - start.DayNumber;
            var pair = new RouteDirection(incident.Route, incident.Direction);
            if (day < 0 || day >= days)
            {
                outside++;
                continue;
            }
            if (!pairSlots.TryGetValue(pair, out var slots))
            {
                notInTable++;
                continue;
            }
            incidentsJoined++;
            var label = (byte)(incident.MinDelay > threshold ? 1 : 0);
            if (label == 1)
            {
                positivePairs.Add(pair);
            }
            foreach (var p in slots)
            {
                var slot = (int)(((long)day * pairs.Count + p) * HoursPerDay + incident.Hour);
                counts[slot]++;
                joined.Add((slot, label));
            }
        }
        return new SlotJoin(counts, joined, incidentsJoined, notInTable, outside, last, positivePairs);
    }
}
