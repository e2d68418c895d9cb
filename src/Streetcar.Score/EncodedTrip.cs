namespace Streetcar.Score;

/// <summary>A trip as model inputs, in the model's column order, with notes on any value that was mapped.</summary>
public sealed record EncodedTrip(TripDescription Trip, IReadOnlyList<EncodedInput> Inputs, IReadOnlyList<string> Notes)
{
    /// <summary>The codes alone, in the model's column order.</summary>
    public IEnumerable<int> Codes => Inputs.Select(i => i.Code);
}
