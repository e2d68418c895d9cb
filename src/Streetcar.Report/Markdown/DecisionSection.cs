using System.Text;
using Streetcar.Core.Config;
using Streetcar.Evaluate.OperatingPoints;
using Streetcar.Report.Model;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The report's opening: the recommended model (chosen on validation), its test figures and operating points, the gap
/// to the runner-up with its interval over test rows, and a verdict on each step of the book's series.
/// </summary>
public static class DecisionSection
{
    public static void Render(StringBuilder md, ReportInput input, ReportStatistics statistics)
    {
        md.Append("## Decision\n\n");
        var metric = input.Settings.PrimaryMetric;
        var (ranked, notComputable) = RecommendationRule.Rank(input.Experiments, metric);
        foreach (var name in notComputable)
        {
            md.Append($"- {name}: its validation {ServingRule.Label(metric)} cannot be computed (no delay in validation, or an evaluation from before validation metrics were recorded); it is not ranked.\n");
        }
        if (notComputable.Count > 0)
        {
            md.Append('\n');
        }
        if (ranked.Count == 0)
        {
            md.Append("No experiment on the random split could be ranked; nothing to recommend.\n\n");
            Claims(md, input, statistics);
            return;
        }
        var best = input.Experiments.Single(e => e.Name == ranked[0].Name);
        var t = best.Evaluation!.Test;
        var label = ServingRule.Label(metric);
        md.Append($"**Recommended: {best.Name}** ({Format.Cell(best.Changes)}). It ranks first on the mean validation {label} over its ");
        md.Append($"{ranked[0].Repeats} repeat{(ranked[0].Repeats == 1 ? "" : "s")}, {Format.Metric(ranked[0].ValidMean)}");
        if (ranked.Count > 1)
        {
            md.Append($" (runner-up {ranked[1].Name}, {Format.Metric(ranked[1].ValidMean)})");
        }
        md.Append($"; `primary_metric: {ConfigEnum.Name(metric)}` in `experiments/{ReportSettings.FileName}`. Its serving model is repeat ");
        md.Append($"{best.ServingRepeat} ({ServingRule.Describe(metric)}). Both choices read validation only; the test figures below are ");
        md.Append($"reported after them. On test: PR AUC {Format.Metric(t.PrAuc)}, ROC AUC {Format.Metric(t.RocAuc)}; at its threshold {Format.Metric(t.Threshold)} ");
        md.Append($"(raw score) it finds {Format.Metric(t.Recall)} of the delays at precision {Format.Metric(t.Precision)}.\n\n");
        OperatingPoints(md, best);
        Gap(md, input, ranked);
        if (best.Evaluation.Calibration is { } calibration)
        {
            md.Append($"- **Probabilities:** the threshold applies to its raw score, which with classes weighted in training is not a chance ");
            md.Append($"of a delay; calibrated on validation ({calibration.Calibrator.Method}), the test Brier score goes from {Format.Metric(calibration.TestBrierRaw)} ");
            md.Append($"(raw score) to {Format.Metric(calibration.TestBrierCalibrated)} (calibrated probability), which is what `score` and the scoring check print as the chance of a delay.\n");
        }
        md.Append("- **Not tested:** later years. The test split is a random sample of the same years as training; the out-of-time ");
        md.Append("experiments (a \"Test period\" in the table) are the only check of predicting the future.\n\n");
        Claims(md, input, statistics);
    }

    private static void OperatingPoints(StringBuilder md, ExperimentOutcome best)
    {
        foreach (var p in best.Evaluation!.OperatingPoints)
        {
            md.Append($"- **{OperatingPointText.Name(p)}:** {OperatingPointText.Describe(p, best.Name)}\n");
        }
    }

    private static void Gap(StringBuilder md, ReportInput input, IReadOnlyList<RankedExperiment> ranked)
    {
        if (input.Gap is { } g)
        {
            md.Append($"- **Gap to the runner-up:** {GapText(g)}.\n");
        }
        else if (input.GapProblem is { } problem)
        {
            md.Append($"- **Gap to the runner-up:** not measured: {problem}.\n");
        }
        else if (ranked.Count < 2)
        {
            md.Append("- **Gap to the runner-up:** there is no runner-up.\n");
        }
    }

    /// <summary>The gap as every part of the report quotes it (one number, one interval).</summary>
    public static string GapText(TestGap g)
    {
        var label = ServingRule.Label(g.Metric);
        return $"{g.Best} − {g.RunnerUp} on test {label} = {StatisticsFormat.Signed(g.Difference, 4)} "
            + $"({StatisticsFormat.Number(g.BestValue, 4)} vs {StatisticsFormat.Number(g.RunnerUpValue, 4)}; {Levels.Percent(g.Interval.Level)} paired bootstrap interval over the "
            + $"{Format.Count(g.Rows)} test rows {StatisticsFormat.Signed(g.Interval.Lower, 4)} to {StatisticsFormat.Signed(g.Interval.Upper, 4)}, "
            + $"standard error {StatisticsFormat.Number(g.StandardError, 4)}, B = {Format.Count(g.Resamples)}, seed {g.Seed}). That is test-set noise of the two "
            + "serving models; the seed noise of each experiment is in the repeats table";
    }

    /// <summary>A verdict on each step of the book's series exp0 → exp5, from the paired comparisons over repeats.</summary>
    private static void Claims(StringBuilder md, ReportInput input, ReportStatistics statistics)
    {
        string[] series = ["exp0", "exp1", "exp2", "exp3", "exp4", "exp5"];
        var steps = statistics.Comparisons
            .Where(c => series.Contains(c.Pair.Candidate) && series.Contains(c.Pair.Baseline))
            .GroupBy(c => c.Pair)
            .ToList();
        if (steps.Count == 0)
        {
            return;
        }
        var primary = Primary(input.Settings.PrimaryMetric);
        md.Append("**The book's series, step by step.** Each step changes one thing (\"Changes\"); the claim checked is that the step ");
        md.Append($"improves the model, on the primary metric{(primary is { } pm ? $" ({pm.Label()})" : "")} and on recall (a missed delay costs ");
        md.Append("more than a false alarm). Mean paired difference over the repeats [95 % bootstrap interval], Holm-adjusted paired t p; ");
        md.Append("\"holds\" when a difference is significantly positive and none significantly negative, \"reversed\" the other way round, ");
        md.Append("\"not shown\" when the repeats cannot tell it from seed noise.\n\n");
        var columns = new List<RepeatMetric>();
        if (primary is { } p0)
        {
            columns.Add(p0);
        }
        if (!columns.Contains(RepeatMetric.Recall))
        {
            columns.Add(RepeatMetric.Recall);
        }
        md.Append("| Step | Change | ");
        md.Append(string.Join(" | ", columns.Select(c => c.Header())));
        md.Append(" | Collapsed (baseline → candidate) | Verdict |\n|---|---|");
        md.Append(string.Concat(columns.Select(_ => "---:|")));
        md.Append("---:|---|\n");
        foreach (var step in steps)
        {
            var pair = step.Key;
            var candidate = input.Experiments.FirstOrDefault(e => e.Name == pair.Candidate);
            var cells = columns.Select(m => step.FirstOrDefault(c => c.Metric == m) is { } c ? DifferencesSection.Cell(c) : "").ToArray();
            var compared = columns.Select(m => step.FirstOrDefault(c => c.Metric == m)).OfType<PairedComparison>().ToArray();
            var collapsed = $"{Collapsed(statistics, pair.Baseline)} → {Collapsed(statistics, pair.Candidate)}";
            md.Append($"| {pair.Candidate} vs {pair.Baseline} | {Format.Cell(candidate?.Changes ?? "")} | {string.Join(" | ", cells)} | {collapsed} | {Verdict(compared)} |\n");
        }
        md.Append('\n');
    }

    private static string Collapsed(ReportStatistics statistics, string name) =>
        statistics.Experiments.FirstOrDefault(e => e.Name == name) is { Repeats.Count: > 0 } e ? $"{e.CollapsedCount}/{e.Repeats.Count}" : "-";

    /// <summary>holds / reversed / mixed / not shown, from the significant differences.</summary>
    public static string Verdict(IReadOnlyList<PairedComparison> comparisons)
    {
        if (comparisons.All(c => c.AdjustedP is null))
        {
            return "not tested (fewer than two paired repeats)";
        }
        var up = comparisons.Any(c => c.Significant && c.MeanDifference > 0);
        var down = comparisons.Any(c => c.Significant && c.MeanDifference < 0);
        return (up, down) switch
        {
            (true, false) => "holds",
            (false, true) => "reversed",
            (true, true) => "mixed",
            _ => "not shown",
        };
    }

    private static RepeatMetric? Primary(PrimaryMetric metric) => metric switch
    {
        PrimaryMetric.PrAuc => RepeatMetric.PrAuc,
        PrimaryMetric.RocAuc => RepeatMetric.RocAuc,
        PrimaryMetric.Recall => RepeatMetric.Recall,
        PrimaryMetric.Accuracy => RepeatMetric.TestAccuracy,
        _ => null,
    };
}
