using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The comparison table of the book's figure 6.21, one row per experiment. When any experiment tests out of time,
/// a "Test period" column sets its metrics beside the in-time (random split) ones.
/// </summary>
internal static class ExperimentTable
{
    private const string InTime = "random, all years";

    public static void Render(StringBuilder md, IReadOnlyList<ExperimentOutcome> experiments)
    {
        // The column appears only when it tells rows apart, so reports of random splits alone stay as they were.
        var periods = experiments.Any(e => e.TestPeriod is not null);
        md.Append("## Experiments\n\n");
        md.Append(periods
            ? "| Experiment | Changes | Test period | Epochs run / max | Terminal val. accuracy | Best val. accuracy | Test accuracy | False negatives | Recall | Precision | Config |\n"
            : "| Experiment | Changes | Epochs run / max | Terminal val. accuracy | Best val. accuracy | Test accuracy | False negatives | Recall | Precision | Config |\n");
        md.Append(periods ? "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n" : "|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var e in experiments)
        {
            var period = periods ? $" {Format.Cell(e.TestPeriod ?? InTime)} |" : "";
            if (e.Error is not null || e.Evaluation is null)
            {
                md.Append($"| {Format.Cell(e.Name)} | {Format.Cell(e.Changes)} |{period} failed | | | | | | | `{e.ConfigHash}` |\n");
                continue;
            }
            var terminal = e.History.Count > 0 ? e.History[^1].ValAccuracy : double.NaN;
            var best = e.History.Count > 0 ? e.History.Max(h => h.ValAccuracy) : double.NaN;
            var test = e.Evaluation.Test;
            md.Append($"| {Format.Cell(e.Name)} | {Format.Cell(e.Changes)} |{period} {e.EpochsRun} / {e.MaxEpochs} | {Format.Metric(terminal)} | {Format.Metric(best)} | ");
            md.Append($"{Format.Metric(test.Accuracy)} | {Format.Count(test.Confusion.FalseNegatives)} | {Format.Metric(test.Recall)} | {Format.Metric(test.Precision)} | `{e.ConfigHash}` |\n");
        }
        md.Append('\n');
        if (periods)
        {
            md.Append($"Test period \"{InTime}\": the book's random split, test rows drawn from every year (in time). ");
            md.Append("\"from DATE\": trained and validated on the rows before DATE, tested on every row from it on (out of time, ");
            md.Append("the real use: predicting the future); a test year training never saw is coded as the latest year it saw.\n\n");
        }
    }
}
