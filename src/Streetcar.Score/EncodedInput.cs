namespace Streetcar.Score;

/// <summary>One model input of a scored trip: the column, the value used and its code.</summary>
/// <param name="Column">Feature column (see <see cref="Streetcar.Core.Data.FeatureColumns"/>).</param>
/// <param name="Value">The value as the encoder knows it (after any mapping, see the trip's notes).</param>
/// <param name="Code">Its code: the index of <paramref name="Value"/> in the encoder's values.</param>
public sealed record EncodedInput(string Column, string Value, int Code);
