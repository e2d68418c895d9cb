using Streetcar.Evaluate.Calibration;

namespace Streetcar.Evaluate.Tests.Calibration;

public sealed class CalibrationTests
{
    [Fact]
    public void Prior_UndoesTheClassWeight()
    {
        // Weighting delays 49× turns a true 2 % (odds 1/49) into odds 1, a score of 0.5.
        var prior = CalibrationFit.Prior(1, 49);

        Assert.Equal(0.02, prior.Apply(0.5), 12);
        Assert.Equal(0, prior.Apply(0));
        Assert.Equal(1, prior.Apply(1));
    }

    [Fact]
    public void Isotonic_IsMonotoneAndPoolsViolators()
    {
        byte[] labels = [0, 1, 0, 0, 1, 1];
        float[] scores = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];

        var iso = CalibrationFit.Isotonic(labels, scores);

        // 0.1 → 0; {0.2, 0.3, 0.4} pooled to 1/3; 0.5, 0.6 → 1.
        Assert.Equal([0.1, 0.2, 0.5], iso.KnotScores.Select(s => Math.Round(s, 6)));
        Assert.Equal(1.0 / 3, iso.Apply(0.35), 12);
        Assert.Equal(0, iso.Apply(0.0));
        Assert.Equal(1, iso.Apply(0.9));
    }

    [Fact]
    public void Platt_RecoversAKnownLogisticMap()
    {
        // Rows at logit x with P(delay) = σ(0.5·x − 1), in exact counts of 1000 per score.
        var labels = new List<byte>();
        var scores = new List<float>();
        foreach (var x in new[] { -2.0, -1.0, 0.0, 1.0, 2.0, 3.0 })
        {
            var score = (float)(1 / (1 + Math.Exp(-x)));
            var ones = (int)Math.Round(1000 / (1 + Math.Exp(-((0.5 * (double)MathF.Log(score / (1 - score))) - 1))));
            for (var i = 0; i < 1000; i++)
            {
                labels.Add(i < ones ? (byte)1 : (byte)0);
                scores.Add(score);
            }
        }

        var platt = CalibrationFit.Platt([.. labels], [.. scores]);

        Assert.Equal(0.5, platt.Parameters[0], 2);
        Assert.Equal(-1, platt.Parameters[1], 2);
    }

    [Fact]
    public void Platt_ScoresPiledAtTheHardSigmoidsEnds_NoWorseThanTheBaseRate()
    {
        // A collapsed hard_sigmoid model: most rows scored 1 (logit +16), a few 0, delays at 2 % everywhere. The best
        // Platt map is the base rate; an undamped Newton step from (1, 0) overshoots far past it.
        var labels = new List<byte>();
        var scores = new List<float>();
        foreach (var (score, rows, delays) in new[] { (1f, 9000, 180), (0f, 1000, 20) })
        {
            for (var i = 0; i < rows; i++)
            {
                labels.Add(i < delays ? (byte)1 : (byte)0);
                scores.Add(score);
            }
        }

        var platt = CalibrationFit.Platt([.. labels], [.. scores]);

        Assert.Equal(0.02, platt.Apply(1), 3);
        Assert.Equal(0.02, platt.Apply(0), 3);
    }

    [Fact]
    public void Fit_WeightedScores_ChoosesAMethodThatBeatsTheRawBrier()
    {
        // Scores inflated as a 49× class weight would: true rate r shows as 49r / (49r + 1 − r).
        var random = new Random(7);
        var labels = new byte[20000];
        var scores = new float[20000];
        for (var i = 0; i < labels.Length; i++)
        {
            var rate = 0.005 + (0.1 * random.NextDouble());
            labels[i] = random.NextDouble() < rate ? (byte)1 : (byte)0;
            scores[i] = (float)(49 * rate / ((49 * rate) + 1 - rate));
        }

        var result = CalibrationResult.Fit(labels, scores, labels, scores, 1, 49);

        Assert.Equal(["prior", "platt", "isotonic"], result.Candidates.Select(c => c.Method));
        Assert.True(result.TestBrierCalibrated < result.TestBrierRaw / 2, $"{result.TestBrierCalibrated} vs {result.TestBrierRaw}");
        Assert.Equal(result.Candidates.MinBy(c => c.ValidBrier)!.Method, result.Calibrator.Method);
        Assert.Equal(labels.Length, result.TestReliability.Sum(b => b.Count));
        Assert.Equal(10, result.TestReliability.Count);
    }

    [Fact]
    public void Quantiles_KeepTiesInOneBin()
    {
        byte[] labels = [0, 0, 0, 1, 0, 1];
        double[] p = [0.1, 0.1, 0.1, 0.1, 0.5, 0.9];

        var bins = ReliabilityBin.Quantiles(labels, p, 3);

        Assert.Equal([4L, 1, 1], bins.Select(b => b.Count));
        Assert.Equal(0.25, bins[0].ObservedRate);
        Assert.Equal(0.1, bins[0].MeanPredicted, 12);
    }
}
