using Streetcar.Core.Data;
using Streetcar.Train;
using Streetcar.Train.Saving;
using Xunit.Abstractions;

namespace Streetcar.Score.Tests;

/// <summary>
/// Opt-in check on real data: with $STREETCAR_SCORE_CHECK_MODEL (a trained model folder) and
/// $STREETCAR_SCORE_CHECK_SPLIT (the test.bin of the split it was trained on) set, rows of the real test split,
/// decoded to trips and scored (all in batches, and every 5,000th one alone), agree bit for bit with TrainStage.Predict over the whole split (as Evaluate runs
/// it). Without them the test only says it did nothing.
/// </summary>
public sealed class RealModelTests(ITestOutputHelper output)
{
    private const int SingleEvery = 5_000;

    [Fact]
    public void Score_RealTestSplitRows_AgreeBitwiseWithEvaluatePath()
    {
        var model = Environment.GetEnvironmentVariable("STREETCAR_SCORE_CHECK_MODEL");
        var splitPath = Environment.GetEnvironmentVariable("STREETCAR_SCORE_CHECK_SPLIT");
        if (string.IsNullOrEmpty(model) || string.IsNullOrEmpty(splitPath))
        {
            output.WriteLine("not run: set STREETCAR_SCORE_CHECK_MODEL and STREETCAR_SCORE_CHECK_SPLIT");
            return;
        }
        var split = EncodedSplitFile.Read(splitPath);
        float[] expected;
        using (var saved = ModelFolder.Load(model))
        {
            expected = TrainStage.Predict(saved.Model, split);
        }
        using var scorer = Scorer.Load(model);
        var trips = Enumerable.Range(0, split.Rows).Select(r => TripData.Decode(split, r, scorer.Model.Encoders)).ToArray();
        var scores = trips.Chunk(Streetcar.Score.Batch.BatchScorer.DefaultChunkRows).SelectMany(scorer.Score).ToArray();
        var differ = Enumerable.Range(0, split.Rows).Where(r => Bits(expected[r]) != Bits(scores[r].Probability)).ToArray();
        var singles = Enumerable.Range(0, split.Rows).Where(r => r % SingleEvery == 0 || r == split.Rows - 1).ToArray();
        var singleDiffer = singles.Count(r => Bits(expected[r]) != Bits(scorer.Score(trips[r]).Probability));

        output.WriteLine($"{split.Rows:N0} rows in batches: {differ.Length} differ (first: {string.Join(", ", differ.Take(10))}); {singles.Length} alone: {singleDiffer} differ");
        Assert.Empty(differ);
        Assert.Equal(0, singleDiffer);
    }

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);
}
