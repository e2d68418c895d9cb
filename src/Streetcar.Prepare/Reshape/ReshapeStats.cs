using Streetcar.Prepare.Config;

namespace Streetcar.Prepare.Reshape;

/// <summary>
/// The figures and data-quality counts of the reshape step.
/// </summary>
/// <param name="Mode">How incidents joined the grid (written as <c>book</c> or <c>slots</c>).</param>
/// <param name="GridSlots">Days × route/direction table rows (duplicates included) × 24.</param>
/// <param name="Rows">Rows of the reshaped dataset.</param>
/// <param name="Delays">Rows with target 1.</param>
/// <param name="NoDelays">Rows with target 0.</param>
/// <param name="DuplicateTableRows">Rows of the route/direction table that repeat an earlier row (e.g. <c>304,e</c>).</param>
/// <param name="PairsNeverPositive">Distinct table pairs with no delay in the whole date range.</param>
/// <param name="IncidentsJoined">Incidents that landed on a grid slot.</param>
/// <param name="IncidentsPairNotInTable">Incidents in the date range dropped because their route/direction pair is not in the table.</param>
/// <param name="IncidentsOutsideDates">Incidents dropped because their date is outside the grid's dates.</param>
/// <param name="LastIncidentDate">Date of the last incident in the data (null when there is none).</param>
/// <param name="GridDaysAfterLastIncident">Grid days after <paramref name="LastIncidentDate"/> (all-negative days).</param>
public sealed record ReshapeStats(
    ReshapeMode Mode,
    int GridSlots,
    int Rows,
    int Delays,
    int NoDelays,
    int DuplicateTableRows,
    IReadOnlyList<string> PairsNeverPositive,
    int IncidentsJoined,
    int IncidentsPairNotInTable,
    int IncidentsOutsideDates,
    string? LastIncidentDate,
    int GridDaysAfterLastIncident)
{
    /// <summary>No-delays per delay (the book's class ratio); 0 when there are no delays.</summary>
    public double ClassRatio => Delays == 0 ? 0 : Math.Round((double)NoDelays / Delays, 4);
}
