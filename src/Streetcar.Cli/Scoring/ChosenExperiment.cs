using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Report.Model;

namespace Streetcar.Cli.Scoring;

/// <summary>
/// The experiment scoring uses when none is named: among the evaluated experiments whose chosen model is the
/// early-stopping checkpoint ("best"), the one with the highest test recall (the book's measure for this
/// problem: a missed delay costs more than a false alarm); ties go to the first name. With none such, exp5,
/// the book's final experiment.
/// </summary>
public static class ChosenExperiment
{
    /// <summary>The experiment used when no evaluation qualifies.</summary>
    public const string Fallback = "exp5";

    /// <summary>The chosen experiment among <paramref name="evaluations"/>.</summary>
    public static string Choose(IEnumerable<EvaluationResult> evaluations) =>
        evaluations
            .Where(e => e.ChosenModel == "best")
            .OrderByDescending(e => e.Test.Recall)
            .ThenBy(e => e.Experiment, StringComparer.Ordinal)
            .FirstOrDefault()?.Experiment
        ?? Fallback;

    /// <summary>
    /// The chosen experiment according to results/metrics.json (<see cref="Fallback"/> when it is missing). Only
    /// random-split experiments compete: an out-of-time one's recall is measured on another test period, and its
    /// model never trained on that period's year.
    /// </summary>
    public static string FromResults(Workspace workspace) =>
        File.Exists(workspace.Metrics)
            ? Choose(StableJson.Read<List<ExperimentMetrics>>(workspace.Metrics).Where(m => m.TestPeriod is null).Select(m => m.Evaluation).OfType<EvaluationResult>())
            : Fallback;
}
