using System.Text;
using Streetcar.Core.Config;
using Streetcar.Report.Model;
using Streetcar.Report.Plots;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The curves overlay and a recommendation generated from the figures: the best experiment on the configured
/// primary metric, the runner-up and the gap, what the figure shows and what it does not.
/// </summary>
internal static class RecommendationSection
{
    public static void Render(StringBuilder md, ReportInput input)
    {
        var evaluated = input.Experiments.Where(e => e.Error is null && e.Evaluation is not null).ToArray();
        if (evaluated.Length == 0)
        {
            return;
        }
        var settings = input.Settings;
        md.Append("## Curves and recommendation\n\n");
        if (evaluated.Any(e => e.Curves is not null))
        {
            md.Append($"![ROC curves of all experiments]({CurvePlots.OverlayPath("roc")}) ");
            md.Append($"![Precision-recall curves of all experiments]({CurvePlots.OverlayPath("pr")})\n\n");
        }
        var ranked = evaluated
            .Select(e => (Experiment: e, Value: settings.Value(e.Evaluation!.Test)))
            .Where(r => !double.IsNaN(r.Value))
            .OrderByDescending(r => r.Value)
            .ThenBy(r => r.Experiment.Name, StringComparer.Ordinal)
            .ToArray();
        if (ranked.Length == 0)
        {
            md.Append($"No experiment has a {settings.Label}; nothing to recommend.\n\n");
            return;
        }
        var (best, value) = ranked[0];
        var t = best.Evaluation!.Test;
        md.Append($"**Recommendation.** On the primary metric, {settings.Label} (`primary_metric: {ConfigEnum.Name(settings.PrimaryMetric)}` ");
        md.Append($"in `experiments/{ReportSettings.FileName}`), the best experiment is **{best.Name}** with {Format.Metric(value)}");
        if (ranked.Length > 1)
        {
            var (second, secondValue) = ranked[1];
            md.Append($", ahead of {second.Name} ({Format.Metric(secondValue)}) by {Format.Metric(value - secondValue)}");
        }
        var how = double.TryParse(best.Evaluation.ThresholdRule, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "fixed in its config"
            : $"rule `{best.Evaluation.ThresholdRule}`, chosen on the validation split";
        md.Append($". At its threshold of {Format.Metric(t.Threshold)} ({how}) ");
        md.Append($"it finds {Format.Metric(t.Recall)} of the test delays at precision {Format.Metric(t.Precision)} and accuracy {Format.Metric(t.Accuracy)}.\n\n");
        if (evaluated.Any(e => e.Curves is not null))
        {
            md.Append("The curves are the serving repeat's model on the test split, thinned to at most a few hundred points; the AUCs ");
            md.Append("in the legends are computed from every score. They show how each model ranks trips at every threshold, not ");
            md.Append("only at its own. ");
        }
        md.Append("These figures do not show how they move with the seed");
        if (evaluated.Any(e => e.Repeats.Count > 1))
        {
            md.Append(": experiments ran repeats, and their spread (the repeat tables, and the intervals across repeats) ");
            md.Append("is the yardstick for a gap; a difference smaller than that spread is not evidence that one model is better");
        }
        md.Append(". Nor do they show later years: the test split is a random sample of the same years as the training data.\n\n");
    }
}
