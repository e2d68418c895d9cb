using System.Text;
using Streetcar.Report.Model;
using Streetcar.Report.Plots;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The curves overlay and the ranking behind the recommendation: every random-split experiment by its validation
/// mean of the primary metric (the order the decision uses), its serving repeat and that model's test figure, and
/// the gap between the first two.
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
        var label = ServingRule.Label(settings.PrimaryMetric);
        var (ranked, _) = RecommendationRule.Rank(input.Experiments, settings.PrimaryMetric);
        if (ranked.Count == 0 && !evaluated.Any(e => e.Curves is not null))
        {
            return;
        }
        md.Append("## Curves and the ranking\n\n");
        if (evaluated.Any(e => e.Curves is not null))
        {
            md.Append($"![ROC curves of all experiments]({CurvePlots.OverlayPath("roc")}) ");
            md.Append($"![Precision-recall curves of all experiments]({CurvePlots.OverlayPath("pr")})\n\n");
        }
        if (ranked.Count > 0)
        {
            md.Append($"| Rank | Experiment | Validation {label}, mean over repeats | Repeats | Serving repeat | Its test {label} |\n");
            md.Append("|---:|---|---:|---:|---:|---:|\n");
            for (var i = 0; i < ranked.Count; i++)
            {
                var e = input.Experiments.Single(x => x.Name == ranked[i].Name);
                md.Append($"| {i + 1} | {Format.Cell(e.Name)} | {Format.Metric(ranked[i].ValidMean)} | {ranked[i].Repeats} | {e.ServingRepeat} | {Format.Metric(settings.Value(e.Evaluation!.Test))} |\n");
            }
            md.Append('\n');
            md.Append("Ranked on validation, never on test (an experiment tested out of time is not ranked: its validation and test rows ");
            md.Append("are other rows). The test column is reported, not used.");
            if (input.Gap is { } gap)
            {
                md.Append($" The gap between the first two: {DecisionSection.GapText(gap)}.");
            }
            md.Append("\n\n");
        }
        if (evaluated.Any(e => e.Curves is not null))
        {
            md.Append("The curves are each experiment's serving model on the test split, from at most a few hundred saved thresholds; ");
            md.Append("the AUCs in the legends are computed from every score (PR AUC is average precision). A precision-recall curve ");
            md.Append("starts at the model's highest threshold (no invented point at recall 0, precision 1) and joins two saved thresholds ");
            md.Append("by the achievable interpolation (Davis and Goadrich 2006: flagging a random share of the rows between them, linear ");
            md.Append("in true and false positives), not by a straight line, which would promise precision no threshold gives. A model ");
            md.Append("with two score values is therefore two points and the curve between them. The curves show one model each, not ");
            md.Append("how they move with the seed (the repeats table does) or in later years.\n\n");
        }
    }
}
