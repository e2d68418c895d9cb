namespace Streetcar.Score;

/// <summary>
/// What to do with a year the model never saw. The book's model has year as a category, so a later year (2020)
/// has no code of its own.
/// </summary>
public enum UnseenYearPolicy
{
    /// <summary>Refuse to score, listing the years the model knows (the default).</summary>
    Error,

    /// <summary>Score as the latest year the model knows, and say so in the trip's notes.</summary>
    LatestKnown,
}
