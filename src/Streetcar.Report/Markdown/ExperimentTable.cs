using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>The comparison table of the book's figure 6.21, one row per experiment.</summary>
internal static class ExperimentTable
{
    public static void Render(StringBuilder md, IReadOnlyList<ExperimentOutcome> experiments)
    {
        md.Append("## Experiments\n\n");
        md.Append("| Experiment | Changes | Epochs run / max | Terminal val. accuracy | Best val. accuracy | Test accuracy | False negatives | Recall | Precision | Config |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var e in experiments)
        {
            if (e.Error is not null || e.Evaluation is null)
            {
                md.Append($"| {e.Name} | {Format.Cell(e.Changes)} | failed | | | | | | | `{e.ConfigHash}` |\n");
                continue;
            }
            var terminal = e.History.Count > 0 ? e.History[^1].ValAccuracy : double.NaN;
            var best = e.History.Count > 0 ? e.History.Max(h => h.ValAccuracy) : double.NaN;
            var test = e.Evaluation.Test;
            md.Append($"| {e.Name} | {Format.Cell(e.Changes)} | {e.EpochsRun} / {e.MaxEpochs} | {Format.Metric(terminal)} | {Format.Metric(best)} | ");
            md.Append($"{Format.Metric(test.Accuracy)} | {Format.Count(test.Confusion.FalseNegatives)} | {Format.Metric(test.Recall)} | {Format.Metric(test.Precision)} | `{e.ConfigHash}` |\n");
        }
        md.Append('\n');
    }
}
