using System.Globalization;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Evaluate.Metrics;
using Streetcar.Evaluate.Thresholds;

namespace Streetcar.Evaluate.OperatingPoints;

/// <summary>The operating points of a model: thresholds from the validation split, figures from test. Pure.</summary>
public static class OperatingPointSelection
{
    /// <summary>Recall the recall-target point aims at.</summary>
    public const double TargetRecall = 0.80;

    /// <summary>Share of slots the alert-budget point may alert.</summary>
    public const double BudgetShare = 0.10;

    /// <summary>Both points of <paramref name="experiment"/>'s scores.</summary>
    public static IReadOnlyList<OperatingPoint> Compute(string experiment, ScoredSplit valid, ScoredSplit test) =>
        [AtRecall(experiment, valid, test, TargetRecall), AtBudget(experiment, valid, test, BudgetShare)];

    /// <summary>The highest threshold reaching <paramref name="target"/> recall on validation (the rule
    /// <c>target_recall</c> uses, so the two agree).</summary>
    public static OperatingPoint AtRecall(string experiment, ScoredSplit valid, ScoredSplit test, double target)
    {
        double threshold;
        try
        {
            threshold = ThresholdSelection.Choose(ThresholdRule.TargetRecall(target), valid.Labels, valid.Probabilities).Threshold;
        }
        catch (PipelineException e)
        {
            return Unavailable(OperatingPoint.RecallTarget, target, $"{experiment}: precision at recall {Format(target)}: {e.Message}");
        }
        return At(OperatingPoint.RecallTarget, target, threshold, valid, test);
    }

    /// <summary>The lowest threshold (most delays caught) that alerts at most <paramref name="share"/> of the
    /// validation slots; rows tied at a score are alerted together.</summary>
    public static OperatingPoint AtBudget(string experiment, ScoredSplit valid, ScoredSplit test, double share)
    {
        var label = $"{experiment}: recall at an alert budget of {Format(share * 100)} % of slots";
        foreach (var score in valid.Probabilities)
        {
            if (float.IsNaN(score))
            {
                return Unavailable(OperatingPoint.AlertBudget, share, $"{label}: a validation score is NaN");
            }
        }
        var sweep = ScoreSweep.Run(valid.Labels, valid.Probabilities);
        var rows = valid.Labels.Length;
        if (sweep.Positives == 0)
        {
            return Unavailable(OperatingPoint.AlertBudget, share, $"{label}: the validation split has no delay (positive) row");
        }
        ScoreSweep.Step? chosen = null;
        foreach (var step in sweep.Steps)
        {
            if (step.TruePositives + step.FalsePositives > share * rows)
            {
                break;
            }
            chosen = step;
        }
        if (chosen is not { } c)
        {
            var top = sweep.Steps[0];
            return Unavailable(OperatingPoint.AlertBudget, share, string.Create(CultureInfo.InvariantCulture,
                $"{label}: unreachable: {top.TruePositives + top.FalsePositives} of {rows} validation rows share the highest score {top.Score}"));
        }
        return At(OperatingPoint.AlertBudget, share, c.Score, valid, test);
    }

    private static OperatingPoint At(string rule, double target, double threshold, ScoredSplit valid, ScoredSplit test)
    {
        var v = ConfusionMatrix.FromProbabilities(valid.Labels, valid.Probabilities, threshold);
        var t = ConfusionMatrix.FromProbabilities(test.Labels, test.Probabilities, threshold);
        return new OperatingPoint(rule, target, null, threshold, v.Recall, v.Precision, AlertShare(v), t.Recall, t.Precision, AlertShare(t));
    }

    private static double AlertShare(ConfusionMatrix m) => m.Total == 0 ? 0 : (double)(m.TruePositives + m.FalsePositives) / m.Total;

    private static OperatingPoint Unavailable(string rule, double target, string problem) =>
        new(rule, target, problem, null, null, null, null, null, null, null);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
