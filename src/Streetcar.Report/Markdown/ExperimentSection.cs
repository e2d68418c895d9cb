using System.Text;
using Streetcar.Core.Config;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>One experiment's section: chosen model, confusion matrix, metrics and plots.</summary>
internal static class ExperimentSection
{
    public static void Render(StringBuilder md, ExperimentOutcome e, PrimaryMetric metric)
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
            ? $" of repeat {e.ServingRepeat} of {e.Repeats.Count}, the serving repeat ({ServingRule.Describe(metric)}; its model is the one plotted and scored)"
            : "";
        md.Append($"Evaluated model: {chosen}{serving}.\n\n");
        if (e.Evaluation.Collapsed)
        {
            md.Append(e.Repeats.Count > 1
                ? $"**Every repeat collapsed**, so the serving model is collapsed too ({Format.Cell(e.Evaluation.CollapseReason ?? "collapsed")}).\n\n"
                : $"**Collapsed:** {Format.Cell(e.Evaluation.CollapseReason ?? "collapsed")}.\n\n");
        }
        if (e.Repeats.Count > 1)
        {
            RenderRepeats(md, e, metric);
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
        md.Append($"| Threshold (on the raw score) | {Format.Metric(t.Threshold)}{rule} |\n\n");
        RenderProbabilities(md, e);

        // A boosting model has no epochs, so no accuracy and loss curves (and ExperimentPlots draws none).
        if (e.History.Count > 0)
        {
            md.Append($"![{e.Name} accuracy]({MarkdownReport.PlotLink(e.Name, "accuracy")}) ");
            md.Append($"![{e.Name} loss]({MarkdownReport.PlotLink(e.Name, "loss")}) ");
        }
        md.Append($"![{e.Name} confusion matrix]({MarkdownReport.PlotLink(e.Name, "confusion")})");
        if (e.Evaluation.Calibration is { TestReliability.Count: > 0 })
        {
            md.Append($" ![{e.Name} reliability]({MarkdownReport.PlotLink(e.Name, "reliability")})");
        }
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

    /// <summary>
    /// The calibration (Brier before and after, on validation and test) and the operating points. The raw score is
    /// what the threshold and the confusion matrix use; the calibrated probability is the chance of a delay.
    /// </summary>
    private static void RenderProbabilities(StringBuilder md, ExperimentOutcome e)
    {
        if (e.Evaluation!.Calibration is { } c)
        {
            md.Append("Raw score and calibrated probability: the raw score is the model's output, which the threshold and the confusion ");
            md.Append("matrix use (with classes weighted in training it is not a chance of a delay); the calibrated probability is the raw ");
            md.Append($"score through `{c.Calibrator.Method}`, fitted on validation ");
            md.Append($"(chosen among {string.Join(", ", c.Candidates.Select(x => $"{x.Method} {Format.Metric(x.ValidBrier)}"))} by cross-fitted validation Brier score).\n\n");
            md.Append("| Brier score (lower is better) | Raw score | Calibrated probability |\n|---|---:|---:|\n");
            md.Append($"| Validation (the calibration's own rows) | {Format.Metric(c.ValidBrierRaw)} | {Format.Metric(c.ValidBrierCalibrated)} |\n");
            md.Append($"| Test | {Format.Metric(c.TestBrierRaw)} | {Format.Metric(c.TestBrierCalibrated)} |\n\n");
        }
        if (e.Evaluation.OperatingPoints.Count > 0)
        {
            md.Append("Operating points (raw-score thresholds chosen on validation, figures on test):\n\n");
            foreach (var p in e.Evaluation.OperatingPoints)
            {
                md.Append($"- {OperatingPointText.Name(p)}: {OperatingPointText.Describe(p, e.Name)}\n");
            }
            md.Append('\n');
        }
    }

    /// <summary>Every repeat's seeds, validation figures, collapse and test figures, the serving one marked.</summary>
    private static void RenderRepeats(StringBuilder md, ExperimentOutcome e, PrimaryMetric metric)
    {
        var label = ServingRule.Label(metric);
        md.Append($"| Repeat | Seeds (torch, shuffle, split) | Epochs run | Kept epoch | Val. loss | Val. ROC AUC | Val. {label} | Collapsed | Test accuracy | Recall | Precision | ROC AUC | PR AUC |\n");
        md.Append("|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        foreach (var r in e.Repeats)
        {
            var t = r.Evaluation.Test;
            var mark = r.Repeat == e.ServingRepeat ? " (serving)" : "";
            var collapsed = r.Evaluation.Collapsed ? $"yes: {Format.Cell(r.Evaluation.CollapseReason ?? "")}" : "no";
            md.Append($"| {r.Repeat}{mark} | {r.TorchSeed}, {r.ShuffleSeed}, {r.SplitSeed} | {r.EpochsRun} | {r.ChosenEpoch} | {Format.Metric(r.ValidLoss)} | {Format.Metric(r.Evaluation.ValidRocAuc ?? double.NaN)} | ");
            md.Append($"{Format.Metric(ServingRule.ValidationValue(r.Evaluation, metric))} | {collapsed} | ");
            md.Append($"{Format.Metric(t.Accuracy)} | {Format.Metric(t.Recall)} | {Format.Metric(t.Precision)} | {Format.Metric(t.RocAuc)} | {Format.Metric(t.PrAuc)} |\n");
        }
        md.Append('\n');
    }
}
