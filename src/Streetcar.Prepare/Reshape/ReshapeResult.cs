namespace Streetcar.Prepare.Reshape;

/// <summary>The reshaped grid and its figures.</summary>
public sealed record ReshapeResult(SlotGrid Grid, ReshapeStats Stats);
