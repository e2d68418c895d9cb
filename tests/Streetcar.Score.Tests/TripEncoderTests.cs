using Streetcar.Core.Data;
using Streetcar.Core.Errors;

namespace Streetcar.Score.Tests;

public sealed class TripEncoderTests
{
    private static readonly TripEncoder Encoder = new(FeatureColumns.All, TripData.Encoders);

    [Fact]
    public void Encode_KnownTrip_CodesOfTheGridsValues()
    {
        var trip = new TripDescription("501", "e", new DateOnly(2019, 6, 14), 8);

        var encoded = Encoder.Encode(trip);

        Assert.Equal(["501", "e", "8", "2019", "6", "14", "4"], encoded.Inputs.Select(i => i.Value));
        Assert.Equal(FeatureColumns.All, encoded.Inputs.Select(i => i.Column));
        Assert.Equal(TripData.Encoders.Select((e, c) => e.Encode(encoded.Inputs[c].Value)), encoded.Codes);
        Assert.Empty(encoded.Notes);
    }

    [Fact]
    public void Encode_DirectionInCapitalsWithSpaces_IsTheDatasSpelling()
    {
        var encoded = Encoder.Encode(new TripDescription(" 501 ", " E ", new DateOnly(2019, 6, 14), 8));
        Assert.Equal(["501", "e"], encoded.Inputs.Take(2).Select(i => i.Value));
    }

    [Theory]
    [InlineData("999", "e", "unknown route '999'; valid values: 301, 501, 511")]
    [InlineData("501", "x", "unknown direction 'x'; valid values: e, n, w")]
    public void Encode_UnknownRouteOrDirection_ErrorListsValidValues(string route, string direction, string message)
    {
        var error = Assert.Throws<PipelineException>(() => Encoder.Encode(new TripDescription(route, direction, new DateOnly(2019, 6, 14), 8)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Encode_UnseenYear_ByDefault_ErrorListsKnownYearsAndTheOption()
    {
        var error = Assert.Throws<PipelineException>(() => Encoder.Encode(new TripDescription("501", "e", new DateOnly(2020, 6, 14), 8)));
        Assert.Contains("unknown year '2020'", error.Message);
        Assert.Contains("only knows 2018, 2019", error.Message);
        Assert.Contains("--unseen-year latest", error.Message);
    }

    [Fact]
    public void Encode_UnseenYear_LatestKnown_MapsToLatestYearAndSaysSo()
    {
        var latest = new TripEncoder(FeatureColumns.All, TripData.Encoders, UnseenYearPolicy.LatestKnown);
        var trip = new TripDescription("501", "e", new DateOnly(2020, 6, 14), 8);

        var encoded = latest.Encode(trip);

        var year = encoded.Inputs.Single(i => i.Column == FeatureColumns.Year);
        Assert.Equal("2019", year.Value);
        Assert.Equal(TripData.Encoders[3].Encode("2019"), year.Code);
        var note = Assert.Single(encoded.Notes);
        Assert.Contains("year 2020", note);
        Assert.Contains("scored as 2019", note);
        // Everything but the year still comes from the trip's own date (2020-06-14 is a Sunday).
        Assert.Equal("6", encoded.Inputs.Single(i => i.Column == FeatureColumns.Weekday).Value);
    }

    [Fact]
    public void Encode_KnownYear_LatestKnownPolicy_NoNote()
    {
        var latest = new TripEncoder(FeatureColumns.All, TripData.Encoders, UnseenYearPolicy.LatestKnown);
        Assert.Empty(latest.Encode(new TripDescription("501", "e", new DateOnly(2018, 6, 14), 8)).Notes);
    }

    [Fact]
    public void Encode_ModelColumnsInAnotherOrder_FollowsTheModel()
    {
        var reversed = FeatureColumns.All.Reverse().ToArray();
        var encoded = new TripEncoder(reversed, TripData.Encoders).Encode(new TripDescription("501", "e", new DateOnly(2019, 6, 14), 8));
        Assert.Equal(reversed, encoded.Inputs.Select(i => i.Column));
        Assert.Equal("501", encoded.Inputs[^1].Value);
    }

    [Theory]
    [InlineData("2019-06-14T08:30", 8)]
    [InlineData("2019-06-14 23:59", 23)]
    public void ParseDateTime_FallsIntoTheHoursSlot(string text, int hour)
    {
        var trip = TripDescription.At("501", "e", TripDescription.ParseDateTime(text));
        Assert.Equal(new DateOnly(2019, 6, 14), trip.Date);
        Assert.Equal(hour, trip.Hour);
    }

    [Theory]
    [InlineData("2019-06-14T08:30Z", "Z")]
    [InlineData("2019-06-14T08:30+05:00", "+05:00")]
    [InlineData("2019-06-14 08:30:00-0400", "-0400")]
    [InlineData("2019-06-14T08:30:00.5+01", "+01")]
    public void ParseDateTime_WithAZone_IsRefusedNamingIt_NeverConverted(string text, string zone)
    {
        var error = Assert.Throws<PipelineException>(() => TripDescription.ParseDateTime(text));

        Assert.Contains($"has a time zone ({zone})", error.Message);
        Assert.Contains("local Toronto (TTC) wall-clock", error.Message);
    }

    [Theory]
    [InlineData("2019-06-14T08:30:59")]
    [InlineData("2019-06-14 08:30:59.999")]
    public void ParseDateTime_IsTheWallClockAsWritten_WhateverTheMachinesZone(string text)
    {
        var at = TripDescription.ParseDateTime(text);

        // Unspecified kind: no zone is attached, so nothing can convert it later.
        Assert.Equal(DateTimeKind.Unspecified, at.Kind);
        Assert.Equal((2019, 6, 14, 8, 30), (at.Year, at.Month, at.Day, at.Hour, at.Minute));
    }

    [Theory]
    [InlineData("2019-06-14")]
    [InlineData("14/06/2019 08:30")]
    [InlineData("2019-06-14T8:30")]
    public void ParseDateTime_OtherForms_AreNotADateAndTime(string text)
    {
        var error = Assert.Throws<PipelineException>(() => TripDescription.ParseDateTime(text));

        Assert.Contains("is not a date and time", error.Message);
    }

    [Theory]
    [InlineData("24")]
    [InlineData("-1")]
    [InlineData("8am")]
    public void ParseHour_OutsideTheDay_IsError(string text)
    {
        Assert.Throws<PipelineException>(() => TripDescription.ParseHour(text));
    }
}
