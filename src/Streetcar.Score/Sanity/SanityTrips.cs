namespace Streetcar.Score.Sanity;

/// <summary>
/// The book's section 6.9 check: score two trips the model never saw whose answer a rider could guess, and see
/// that the model agrees. 501 Queen is the longest, busiest route and the most often delayed one (9.7% of its
/// grid rows in the book-mode training split are delays, the most of any route); on weekdays at 8:00 that rises
/// to 12.6%. 511 Bathurst is a short route (1.1%), and on Sundays at 23:00 only 0.6% of its rows are delays.
/// Both dates are in June 2019, inside the data's years (2014–2019), and both route/direction pairs are in the
/// book's table, so any model of this pipeline can encode them.
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
