namespace Streetcar.Prepare.Config;

/// <summary>How incidents are joined onto the route/direction/day/hour grid.</summary>
public enum ReshapeMode
{
    /// <summary>
    /// The book's left join: every row of the route/direction table (duplicates included) × day × hour, and one
    /// row per matching incident, so a slot with several incidents appears several times.
    /// </summary>
    Book,

    /// <summary>One row per distinct slot; the target is 1 when any incident of the slot is a delay.</summary>
    Slots,
}
