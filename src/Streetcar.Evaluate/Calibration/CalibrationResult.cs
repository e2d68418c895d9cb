namespace Streetcar.Evaluate.Calibration;

/// <summary>
/// The calibration of an experiment's kept model: every method judged on validation (cross-fitted), the one with
/// the lowest validation Brier score refitted on all of validation, and its scores before and after on both
/// splits. The raw score keeps the threshold (and the book's confusion matrices); the calibrated one is the
/// chance of a delay.
/// </summary>
/// <param name="Calibrator">The chosen method, fitted on the whole validation split.</param>
/// <param name="Candidates">Every method's cross-fitted validation scores, in the order tried.</param>
/// <param name="ValidBrierRaw">Brier score of the raw scores on validation.</param>
/// <param name="ValidBrierCalibrated">Brier score on validation after calibration (in-sample: fitted on these rows).</param>
/// <param name="TestBrierRaw">Brier score of the raw scores on test.</param>
/// <param name="TestBrierCalibrated">Brier score on test after calibration (out of sample).</param>
/// <param name="ValidLogLossRaw">Unweighted log loss of the raw scores on validation.</param>
/// <param name="ValidLogLossCalibrated">Unweighted log loss on validation after calibration.</param>
/// <param name="TestLogLossRaw">Unweighted log loss of the raw scores on test.</param>
/// <param name="TestLogLossCalibrated">Unweighted log loss on test after calibration.</param>
/// <param name="TestReliability">Reliability bins of the calibrated test probabilities (~10, equal row counts).</param>
public sealed record CalibrationResult(
    Calibrator Calibrator,
    IReadOnlyList<CalibrationCandidate> Candidates,
    double ValidBrierRaw,
    double ValidBrierCalibrated,
    double TestBrierRaw,
    double TestBrierCalibrated,
    double ValidLogLossRaw,
    double ValidLogLossCalibrated,
    double TestLogLossRaw,
    double TestLogLossCalibrated,
    IReadOnlyList<ReliabilityBin> TestReliability)
{
    /// <summary>
    /// Fits and judges every method on (<paramref name="validLabels"/>, <paramref name="validScores"/>), keeps the
    /// lowest cross-fitted Brier score (ties: the simpler method, in the order prior, Platt, isotonic), and scores
    /// it on test. <paramref name="zeroWeight"/>/<paramref name="oneWeight"/> are the training class weights.
    /// </summary>
    public static CalibrationResult Fit(ReadOnlySpan<byte> validLabels, ReadOnlySpan<float> validScores,
        ReadOnlySpan<byte> testLabels, ReadOnlySpan<float> testScores, double zeroWeight, double oneWeight)
    {
        var prior = CalibrationFit.Prior(zeroWeight, oneWeight);
        var fits = new (string Method, Func<byte[], float[], Calibrator> Fit)[]
        {
            (Calibrator.Prior, (_, _) => prior),
            (Calibrator.Platt, (l, s) => CalibrationFit.Platt(l, s)),
            (Calibrator.Isotonic, (l, s) => CalibrationFit.Isotonic(l, s)),
        };
        var candidates = new List<CalibrationCandidate>();
        foreach (var (method, fit) in fits)
        {
            var outOfFold = CrossFitted(validLabels, validScores, fit);
            candidates.Add(new CalibrationCandidate(method, ProbabilityScores.Brier(validLabels, outOfFold), ProbabilityScores.LogLoss(validLabels, outOfFold)));
        }
        var best = 0;
        for (var i = 1; i < candidates.Count; i++)
        {
            if (candidates[i].ValidBrier < candidates[best].ValidBrier)
            {
                best = i;
            }
        }
        var calibrator = fits[best].Fit(validLabels.ToArray(), validScores.ToArray());
        var validRaw = Widen(validScores);
        var testRaw = Widen(testScores);
        var validCalibrated = calibrator.Apply(validScores);
        var testCalibrated = calibrator.Apply(testScores);
        return new CalibrationResult(calibrator, candidates,
            ProbabilityScores.Brier(validLabels, validRaw), ProbabilityScores.Brier(validLabels, validCalibrated),
            ProbabilityScores.Brier(testLabels, testRaw), ProbabilityScores.Brier(testLabels, testCalibrated),
            ProbabilityScores.LogLoss(validLabels, validRaw), ProbabilityScores.LogLoss(validLabels, validCalibrated),
            ProbabilityScores.LogLoss(testLabels, testRaw), ProbabilityScores.LogLoss(testLabels, testCalibrated),
            ReliabilityBin.Quantiles(testLabels, testCalibrated));
    }

    /// <summary>Each row's probability from the method fitted on the other half (even / odd row numbers).</summary>
    private static double[] CrossFitted(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores, Func<byte[], float[], Calibrator> fit)
    {
        var result = new double[labels.Length];
        for (var fold = 0; fold < 2; fold++)
        {
            var trainLabels = new List<byte>();
            var trainScores = new List<float>();
            for (var i = 1 - fold; i < labels.Length; i += 2)
            {
                trainLabels.Add(labels[i]);
                trainScores.Add(scores[i]);
            }
            var calibrator = fit([.. trainLabels], [.. trainScores]);
            for (var i = fold; i < labels.Length; i += 2)
            {
                result[i] = calibrator.Apply(scores[i]);
            }
        }
        return result;
    }

    private static double[] Widen(ReadOnlySpan<float> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = scores[i];
        }
        return result;
    }
}
