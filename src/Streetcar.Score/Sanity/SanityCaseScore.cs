namespace Streetcar.Score.Sanity;

/// <summary>A <see cref="SanityCase"/> and its score.</summary>
public sealed record SanityCaseScore(SanityCase Case, TripScore Score);
