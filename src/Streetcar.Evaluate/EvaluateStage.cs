using Streetcar.Core.Config;
using Streetcar.Evaluate.Calibration;
using Streetcar.Evaluate.Collapse;
using Streetcar.Evaluate.Metrics;
using Streetcar.Evaluate.OperatingPoints;
using Streetcar.Evaluate.Thresholds;

namespace Streetcar.Evaluate;

/// <summary>Labels and the chosen model's probabilities for one split.</summary>
public sealed record ScoredSplit(byte[] Labels, float[] Probabilities);

/// <summary>Everything the Evaluate stage needs: the chosen model's scores on each split.</summary>
/// <param name="Threshold">The experiment's rule; a rule other than a fixed number is applied to the validation split.</param>
public sealed record EvaluateInput(string Experiment, string ChosenModel, ThresholdRule Threshold, ScoredSplit Train, ScoredSplit Valid, ScoredSplit Test)
{
    /// <summary>Training weight of a non-delay row (what the prior correction undoes).</summary>
    public double ZeroWeight { get; init; } = 1;

    /// <summary>Training weight of a delay row.</summary>
    public double OneWeight { get; init; } = 1;
}

/// <summary>
/// The Evaluate stage: metrics of an experiment's chosen model. Pure: the scoring itself (TorchSharp) happens
/// before, so metrics can be tested without libtorch.
/// </summary>
public static class EvaluateStage
{
    /// <summary>Version of the stage's logic; part of every Evaluate cache key.</summary>
    /// <remarks>3: threshold rules chosen on validation, the rule and the chosen threshold in metrics.json, validation ROC AUC.
    /// 4: the collapse rule, the calibration, the operating points, the test split's raw scores.</remarks>
    public const int Version = 4;

    /// <summary>
    /// The threshold is chosen on the validation split (a fixed rule keeps its number), then applied to every
    /// split: the test figures never influence it.
    /// </summary>
    public static EvaluationResult Run(EvaluateInput input)
    {
        var chosen = ThresholdSelection.Choose(input.Threshold, input.Valid.Labels, input.Valid.Probabilities);
        var threshold = chosen.Threshold;
        var validRocAuc = RankingMetrics.RocAuc(input.Valid.Labels, input.Valid.Probabilities);
        var collapse = CollapseRule.Reason(validRocAuc, chosen.Validation);
        return new EvaluationResult(
            input.Experiment,
            input.ChosenModel,
            ClassificationMetrics.Compute(input.Test.Labels, input.Test.Probabilities, threshold),
            ConfusionMatrix.FromProbabilities(input.Train.Labels, input.Train.Probabilities, threshold).Accuracy,
            chosen.Validation.Accuracy)
        {
            ThresholdRule = input.Threshold.ToString(),
            ValidRecall = chosen.Recall,
            ValidRocAuc = validRocAuc,
            Collapsed = collapse is not null,
            CollapseReason = collapse,
            Calibration = CalibrationResult.Fit(input.Valid.Labels, input.Valid.Probabilities, input.Test.Labels, input.Test.Probabilities, input.ZeroWeight, input.OneWeight),
            OperatingPoints = OperatingPointSelection.Compute(input.Experiment, input.Valid, input.Test),
            Valid = ClassificationMetrics.Compute(input.Valid.Labels, input.Valid.Probabilities, threshold),
        };
    }

    /// <summary>
    /// The test split's raw scores as float32 little-endian, in the prepared test split's row order: what a paired
    /// bootstrap over test rows needs (two experiments on the same split compare row by row).
    /// </summary>
    public static byte[] TestScoresBytes(EvaluateInput input)
    {
        var bytes = new byte[input.Test.Probabilities.Length * sizeof(float)];
        for (var i = 0; i < input.Test.Probabilities.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), input.Test.Probabilities[i]);
        }
        return bytes;
    }

    /// <summary>The ROC and PR curves of the test split (thinned), saved beside the metrics so the report needs no model.</summary>
    public static ScoreCurves TestCurves(EvaluateInput input) => ScoreCurves.Compute(input.Test.Labels, input.Test.Probabilities);
}
