using Streetcar.Core.Config;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Report.Model;

namespace Streetcar.Cli.Scoring;

/// <summary>
/// The experiment scoring uses when none is named: the report's recommendation (<see cref="RecommendationRule"/>:
/// the best mean over repeats of the primary metric on validation, never on test); ties go to the first name.
/// With none that can be ranked, exp5, the book's final experiment.
/// </summary>
public static class ChosenExperiment
{
    /// <summary>The experiment used when no evaluation qualifies.</summary>
    public const string Fallback = "exp5";

    /// <summary>The chosen experiment among <paramref name="experiments"/> (each with every repeat's evaluation).</summary>
    public static string Choose(IEnumerable<(string Name, IReadOnlyList<EvaluationResult> Repeats)> experiments, PrimaryMetric metric) =>
        RecommendationRule.Rank(experiments, metric).Ranked.FirstOrDefault()?.Name ?? Fallback;

    /// <summary>
    /// The chosen experiment according to results/metrics.json (<see cref="Fallback"/> when it is missing). Only
    /// random-split experiments compete: an out-of-time one is validated and tested on other rows. The primary
    /// metric is the one <c>experiments/_report.yml</c> configures, as in the report.
    /// </summary>
    public static string FromResults(Workspace workspace)
    {
        if (!File.Exists(workspace.Metrics))
        {
            return Fallback;
        }
        var experiments = StableJson.Read<List<ExperimentMetrics>>(workspace.Metrics)
            .Where(m => m.TestPeriod is null && m.Evaluation is not null)
            .Select(m => (m.Name, (IReadOnlyList<EvaluationResult>)(m.Repeats.Count > 0 ? [.. m.Repeats.Select(r => r.Evaluation)] : [m.Evaluation!])));
        var metric = Directory.Exists(workspace.Experiments)
            ? ReportConfig.Load(workspace.Experiments, Pipeline.Experiment.Names(workspace)).PrimaryMetric
            : new ReportConfig().PrimaryMetric;
        return Choose(experiments, metric);
    }
}
