namespace Streetcar.Score.Sanity;

/// <summary>
/// The book's section 6.9 check: score two trips the model never saw whose answer a rider could guess, and see
/// that the model agrees. 501 Queen is the longest and busiest streetcar route and has the most delay incidents
/// in every year of the data; eastbound at 8 on a Tuesday is the morning rush. 511 Bathurst is a short route with
/// few incidents; northbound at 23:00 on a Sunday is the quietest kind of slot. Both are June 2019, inside the
/// data's years (2014–2019), and every value is in the book's route/direction table, so any model of this
/// pipeline can score them.
/// </summary>
public static class SanityTrips
{
    /// <summary>The quiet trip: expect a low probability.</summary>
    public static SanityCase Quiet { get; } = new(
        "quiet: 511 Bathurst northbound, Sunday 2019-06-16, 23:00",
        new TripDescription("511", "n", new DateOnly(2019, 6, 16), 23));

    /// <summary>The busy trip: expect a higher probability than <see cref="Quiet"/>.</summary>
    public static SanityCase Busy { get; } = new(
        "busy: 501 Queen eastbound, Tuesday 2019-06-11, 08:00 rush hour",
        new TripDescription("501", "e", new DateOnly(2019, 6, 11), 8));

    /// <summary>Both cases, quiet first (as the report lists them).</summary>
    public static IReadOnlyList<SanityCase> All { get; } = [Quiet, Busy];

    /// <summary>Scores every case of <see cref="All"/> with <paramref name="scorer"/>.</summary>
    public static IReadOnlyList<SanityCaseScore> Score(Scorer scorer)
    {
        var scores = scorer.Score(All.Select(c => c.Trip).ToArray());
        return All.Select((c, i) => new SanityCaseScore(c, scores[i])).ToArray();
    }
}
