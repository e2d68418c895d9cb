namespace Streetcar.Sweep;

/// <summary>One round of successive halving: how many points train, and to how many epochs.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Points">Points that train in this round (the survivors of the round before).</param>
/// <param name="Epochs">The epoch budget every one of them trains to (a survivor resumes its trajectory).</param>
public sealed record HalvingRound(int Number, int Points, int Epochs);
