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
        var serving = e.Repeats.Count > 1
            ? $" of repeat {e.ServingRepeat} of {e.Repeats.Count}, the serving repeat (median validation ROC AUC; its model is the one plotted and scored)"
            : "";
        md.Append($"Evaluated model: {chosen}{serving}.\n\n");
        if (e.Repeats.Count > 1)
        {
            RenderRepeats(md, e);
        }

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
        // A rule (not a bare number) says how validation chose the threshold.
        var rule = double.TryParse(e.Evaluation.ThresholdRule, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "" : $" (`{e.Evaluation.ThresholdRule}` on validation)";
        md.Append($"| Threshold | {Format.Metric(t.Threshold)}{rule} |\n\n");

        // A boosting model has no epochs, so no accuracy and loss curves (and ExperimentPlots draws none).
        if (e.History.Count > 0)
        {
            md.Append($"![{e.Name} accuracy]({MarkdownReport.PlotLink(e.Name, "accuracy")}) ");
            md.Append($"![{e.Name} loss]({MarkdownReport.PlotLink(e.Name, "loss")}) ");
        }
        md.Append($"![{e.Name} confusion matrix]({MarkdownReport.PlotLink(e.Name, "confusion")})");
        if (e.Curves is { } curves)
        {
            if (curves.Curves.Roc.Count > 0)
            {
                md.Append($" ![{e.Name} ROC curve]({MarkdownReport.PlotLink(e.Name, "roc")})");
            }
            if (curves.Curves.PrecisionRecall.Count > 0)
            {
                md.Append($" ![{e.Name} precision-recall curve]({MarkdownReport.PlotLink(e.Name, "pr")})");
            }
        }
        md.Append("\n\n");
    }

    /// <summary>Every repeat's seeds and test figures, the serving one marked.</summary>
    private static void RenderRepeats(StringBuilder md, ExperimentOutcome e)
    {
        md.Append("| Repeat | Seeds (torch, shuffle, split) | Epochs run | Kept epoch | Val. loss | Val. ROC AUC | Test accuracy | Recall | Precision | ROC AUC | PR AUC |\n");
        md.Append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in e.Repeats)
        {
            var t = r.Evaluation.Test;
            var mark = r.Repeat == e.ServingRepeat ? " (serving)" : "";
            md.Append($"| {r.Repeat}{mark} | {r.TorchSeed}, {r.ShuffleSeed}, {r.SplitSeed} | {r.EpochsRun} | {r.ChosenEpoch} | {Format.Metric(r.ValidLoss)} | {Format.Metric(r.Evaluation.ValidRocAuc ?? double.NaN)} | ");
            md.Append($"{Format.Metric(t.Accuracy)} | {Format.Metric(t.Recall)} | {Format.Metric(t.Precision)} | {Format.Metric(t.RocAuc)} | {Format.Metric(t.PrAuc)} |\n");
        }
        md.Append('\n');
    }
}
