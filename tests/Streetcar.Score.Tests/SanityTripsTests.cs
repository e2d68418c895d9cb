using Streetcar.Cli.Scoring;
using Streetcar.Score.Sanity;

namespace Streetcar.Score.Tests;

[Collection(TinyModelCollection.Name)]
public sealed class SanityTripsTests(TinyModel tiny)
{
    [Fact]
    public void Cases_QuietWeekendEveningAndBusyWeekdayRush()
    {
        Assert.Equal(DayOfWeek.Sunday, SanityTrips.Quiet.Trip.Date.DayOfWeek);
        Assert.True(SanityTrips.Quiet.Trip.Hour >= 20);
        Assert.InRange((int)SanityTrips.Busy.Trip.Date.DayOfWeek, 1, 5);
        Assert.InRange(SanityTrips.Busy.Trip.Hour, 7, 9);
    }

    [Fact]
    public void ReportRows_OnePerCase_WithTheScorersProbabilities()
    {
        using var scorer = Scorer.Load(tiny.Folder);

        var rows = ScoreStep.SanityTrips(scorer, "exp5");

        Assert.Equal(SanityTrips.All.Select(c => c.Description), rows.Select(r => r.Description));
        Assert.All(rows, r => Assert.Equal("exp5", r.Experiment));
        Assert.Equal(scorer.Score(SanityTrips.Busy.Trip).Probability, rows[1].Probability);
        Assert.Equal(rows[1].Probability >= scorer.Threshold, rows[1].PredictedDelay);
    }
}
