using Streetcar.Core.Data;
using Streetcar.Train;
using Streetcar.Train.Saving;
using Xunit.Abstractions;

namespace Streetcar.Score.Tests;

/// <summary>
/// Opt-in check on real data: with $STREETCAR_SCORE_CHECK_MODEL (a trained model folder) and
/// $STREETCAR_SCORE_CHECK_SPLIT (the test.bin of the split it was trained on) set, rows of the real test split,
/// decoded to trips and scored, agree bit for bit with TrainStage.Predict over the whole split (as Evaluate runs
/// it). Without them the test only says it did nothing.
/// </summary>
public sealed class RealModelTests(ITestOutputHelper output)
{
    private const int Rows = 20_000;

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
        var step = Math.Max(1, split.Rows / Rows);
        var rows = Enumerable.Range(0, split.Rows / step).Select(i => i * step).ToArray();
        var scores = scorer.Score(rows.Select(r => TripData.Decode(split, r, scorer.Model.Encoders)).ToArray());

        var mismatches = rows.Where((r, i) => BitConverter.SingleToInt32Bits(expected[r]) != BitConverter.SingleToInt32Bits(scores[i].Probability)).Count();
        var single = scorer.Score(TripData.Decode(split, rows[^1], scorer.Model.Encoders));
        output.WriteLine($"{rows.Length:N0} of {split.Rows:N0} rows compared, {mismatches} differ");
        Assert.Equal(0, mismatches);
        Assert.Equal(BitConverter.SingleToInt32Bits(expected[rows[^1]]), BitConverter.SingleToInt32Bits(single.Probability));
    }
}
