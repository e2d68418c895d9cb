using Streetcar.Train;
using Streetcar.Train.Saving;

namespace Streetcar.Score.Tests;

[Collection(TinyModelCollection.Name)]
public sealed class ScorerTests(TinyModel tiny)
{
    [Fact]
    public void Score_RowsOfTheTestSplit_AgreeBitwiseWithTrainStagePredict()
    {
        float[] expected;
        using (var saved = ModelFolder.Load(tiny.Folder))
        {
            expected = TrainStage.Predict(saved.Model, tiny.Test);
        }
        using var scorer = Scorer.Load(tiny.Folder);
        var trips = Enumerable.Range(0, tiny.Test.Rows).Select(r => TripData.Decode(tiny.Test, r, scorer.Model.Encoders)).ToArray();

        var batch = scorer.Score(trips);
        for (var r = 0; r < trips.Length; r++)
        {
            Assert.Equal(tiny.Test.Codes.Select(column => column[r]), batch[r].Encoded.Codes);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[r]), BitConverter.SingleToInt32Bits(batch[r].Probability));
        }
        // One trip at a time (a batch of one) gives the same bits.
        foreach (var r in new[] { 0, 1, 17, tiny.Test.Rows - 1 })
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[r]), BitConverter.SingleToInt32Bits(scorer.Score(trips[r]).Probability));
        }
        Assert.Contains(expected, p => p != expected[0]);
    }

    [Fact]
    public void Score_PredictedDelay_IsProbabilityAtOrAboveTheConfigsThreshold()
    {
        using var scorer = Scorer.Load(tiny.Folder);
        Assert.Equal(0.3, scorer.Threshold);
        Assert.Equal("tiny", scorer.Experiment);
        var trips = Enumerable.Range(0, 50).Select(r => TripData.Decode(tiny.Test, r, scorer.Model.Encoders)).ToArray();
        foreach (var score in scorer.Score(trips))
        {
            Assert.Equal(score.Probability >= 0.3, score.PredictedDelay);
            Assert.Equal(0.3, score.Threshold);
        }
    }

    [Fact]
    public void Score_UnseenYear_LatestKnown_ScoresAsTheLatestYear()
    {
        using var strict = Scorer.Load(tiny.Folder);
        using var latest = Scorer.Load(tiny.Folder, UnseenYearPolicy.LatestKnown);
        var in2020 = latest.Score(new TripDescription("501", "e", new DateOnly(2020, 6, 14), 8));
        var as2019 = strict.Score(new TripDescription("501", "e", new DateOnly(2019, 6, 14), 8));

        Assert.NotEmpty(in2020.Notes);
        Assert.Equal("2019", in2020.Encoded.Inputs[3].Value);
        // Same route, hour, month and day; only the weekday differs (2020-06-14 is a Sunday, 2019-06-14 a Friday).
        Assert.NotEqual(as2019.Encoded.Inputs[6].Code, in2020.Encoded.Inputs[6].Code);
        Assert.Throws<Streetcar.Core.Errors.PipelineException>(() => strict.Score(in2020.Trip));
    }
}
