namespace Streetcar.Score;

/// <summary>A scored trip.</summary>
/// <param name="Trip">The trip as described.</param>
/// <param name="Probability">The model's probability of a delay.</param>
/// <param name="Threshold">The experiment's decision threshold (config <c>threshold</c>).</param>
/// <param name="PredictedDelay">True when <paramref name="Probability"/> ≥ <paramref name="Threshold"/>, as the Evaluate stage counts it.</param>
/// <param name="Encoded">The inputs the model saw, and notes on any mapped value.</param>
public sealed record TripScore(TripDescription Trip, float Probability, double Threshold, bool PredictedDelay, EncodedTrip Encoded)
{
    /// <summary>Notes on how the trip was encoded (e.g. a year mapped to the latest known one); empty when none.</summary>
    public IReadOnlyList<string> Notes => Encoded.Notes;
}
