using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>One experiment's section: chosen model, confusion matrix, metrics and plots.</summary>
internal static class ExperimentSection
{
    public static void Render(StringBuilder md, ExperimentOutcome e)
    {
        md.Append($"## {e.Name}\n\n{Format.Cell(e.Changes)}.\n\n");
        if (e.Error is not null || e.Evaluation is null)
        {
            md.Append($"**Failed:** {Format.Cell(e.Error ?? "no evaluation")}\n\n");
            return;
        }
        var chosen = e.ChosenModel == "best" && e.BestEpoch is { } best
            ? $"the best checkpoint (epoch {best} of {e.EpochsRun})"
            : $"the final model (epoch {e.EpochsRun})";
        md.Append($"Evaluated model: {chosen}.\n\n");

        var c = e.Evaluation.Test.Confusion;
        md.Append("| Test set | Predicted no delay | Predicted delay |\n|---|---:|---:|\n");
        md.Append($"| **Actual no delay** | {Format.Count(c.TrueNegatives)} | {Format.Count(c.FalsePositives)} |\n");
        md.Append($"| **Actual delay** | {Format.Count(c.FalseNegatives)} | {Format.Count(c.TruePositives)} |\n\n");

        var t = e.Evaluation.Test;
        md.Append("| Metric | Value |\n|---|---:|\n");
        md.Append($"| Test accuracy | {Format.Metric(t.Accuracy)} |\n");
        md.Append($"| Test recall | {Format.Metric(t.Recall)} |\n");
        md.Append($"| Test precision | {Format.Metric(t.Precision)} |\n");
        md.Append($"| Test F1 | {Format.Metric(t.F1)} |\n");
        md.Append($"| Test ROC AUC | {Format.Metric(t.RocAuc)} |\n");
        md.Append($"| Test PR AUC | {Format.Metric(t.PrAuc)} |\n");
        md.Append($"| Train accuracy (chosen model) | {Format.Metric(e.Evaluation.TrainAccuracy)} |\n");
        md.Append($"| Validation accuracy (chosen model) | {Format.Metric(e.Evaluation.ValidAccuracy)} |\n");
        md.Append($"| Threshold | {Format.Metric(t.Threshold)} |\n\n");

        md.Append($"![{e.Name} accuracy]({MarkdownReport.PlotLink(e.Name, "accuracy")}) ");
        md.Append($"![{e.Name} loss]({MarkdownReport.PlotLink(e.Name, "loss")}) ");
        md.Append($"![{e.Name} confusion matrix]({MarkdownReport.PlotLink(e.Name, "confusion")})\n\n");
    }
}
