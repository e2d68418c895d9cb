namespace Streetcar.Prepare.Clean;

/// <summary>The cleaned incidents (bad rows removed when configured) and the figures of the step.</summary>
public sealed record CleanResult(IReadOnlyList<CleanIncident> Incidents, CleanStats Stats);
