using Streetcar.Evaluate;

namespace Streetcar.Report.Statistics;

/// <summary>The headline figures of one repeat of one experiment (test split).</summary>
/// <param name="Repeat">Repeat number (1-based, as the pipeline numbers them); repeats with the same index in two experiments share test rows and
/// paired seeds, which is what makes the comparison paired.</param>
/// <param name="Collapsed">Its kept model is degenerate by the collapse rule (judged on validation, in Evaluate).</param>
public sealed record RepeatScores(int Repeat, double TestAccuracy, double Recall, double Precision, double RocAuc, double PrAuc, int EpochsRun, bool Collapsed = false)
{
    /// <summary>Reads the figures from an evaluation of that repeat.</summary>
    public static RepeatScores From(int repeat, EvaluationResult evaluation, int epochsRun)
    {
        var t = evaluation.Test;
        return new RepeatScores(repeat, t.Accuracy, t.Recall, t.Precision, t.RocAuc, t.PrAuc, epochsRun, evaluation.Collapsed);
    }
}
