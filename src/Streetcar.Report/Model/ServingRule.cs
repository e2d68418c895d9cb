using Streetcar.Core.Config;
using Streetcar.Evaluate;

namespace Streetcar.Report.Model;

/// <summary>
/// Which repeat of an experiment serves (the report's plots, the recommendation's test figures and `score` use its
/// model): among the repeats whose kept model is not collapsed (<see cref="EvaluationResult.Collapsed"/>, judged on
/// validation), the one with the best validation value of the primary metric (<c>experiments/_report.yml</c>);
/// equal values go to the lower repeat number. Chosen on validation only, so the choice cannot flatter the test
/// figures; the best working repeat, not the median, because the median of a recipe that collapses in 3 of 5
/// repeats is a collapsed model (issue 19: exp5's repeat 3, which prints 0.0000 for every trip). When every repeat
/// collapsed, the best of them serves, and the report says so.
/// </summary>
public static class ServingRule
{
    /// <summary>The serving repeat among <paramref name="repeats"/> (a value that cannot be computed ranks last).</summary>
    public static int Choose(IReadOnlyList<(int Repeat, EvaluationResult Evaluation)> repeats, PrimaryMetric metric)
    {
        if (repeats.Count == 0)
        {
            throw new ArgumentException("no repeats to choose from", nameof(repeats));
        }
        return repeats
            .OrderBy(r => r.Evaluation.Collapsed)
            .ThenByDescending(r => ValidationValue(r.Evaluation, metric) is var v && double.IsNaN(v) ? double.NegativeInfinity : v)
            .ThenBy(r => r.Repeat)
            .First().Repeat;
    }

    /// <summary>
    /// The primary metric on the validation split (the kept model, its own threshold for the threshold metrics);
    /// NaN when it cannot be computed (no delay in validation, or an entry written before validation metrics were
    /// recorded).
    /// </summary>
    public static double ValidationValue(EvaluationResult evaluation, PrimaryMetric metric) => metric switch
    {
        PrimaryMetric.RocAuc => evaluation.ValidRocAuc ?? evaluation.Valid?.RocAuc ?? double.NaN,
        PrimaryMetric.Accuracy => evaluation.ValidAccuracy,
        _ => evaluation.Valid is { } valid ? new ReportSettings { PrimaryMetric = metric }.Value(valid) : double.NaN,
    };

    /// <summary>The rule in a few words, for the report's "evaluated model" line.</summary>
    public static string Describe(PrimaryMetric metric) =>
        $"the best validation {Label(metric)} among the repeats that did not collapse";

    /// <summary>How the text names <paramref name="metric"/> (without a split).</summary>
    public static string Label(PrimaryMetric metric) => metric switch
    {
        PrimaryMetric.PrAuc => "PR AUC",
        PrimaryMetric.RocAuc => "ROC AUC",
        PrimaryMetric.F1 => "F1",
        PrimaryMetric.Recall => "recall",
        _ => "accuracy",
    };
}
