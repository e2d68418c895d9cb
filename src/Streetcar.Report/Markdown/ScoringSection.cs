using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>The one-off scoring sanity check of the book's section 6.9.</summary>
internal static class ScoringSection
{
    public static void Render(StringBuilder md, IReadOnlyList<SanityTrip> trips)
    {
        md.Append("## Scoring sanity check\n\n");
        md.Append("Raw score: the model's output, which the threshold decides on (with classes weighted in training it is not a ");
        md.Append("chance of a delay). Chance of a delay: the raw score through the calibration fitted on validation, what a rider can read.\n\n");
        md.Append("| Trip | Experiment | Raw score | Chance of a delay (calibrated) | Predicted |\n|---|---|---:|---:|---|\n");
        foreach (var trip in trips)
        {
            var chance = trip.Calibrated is { } p ? Format.Metric(p) : "not calibrated";
            md.Append($"| {Format.Cell(trip.Description)} | {Format.Cell(trip.Experiment)} | {Format.Metric(trip.Probability)} | {chance} | {(trip.PredictedDelay ? "delay" : "no delay")} |\n");
        }
        md.Append('\n');
    }
}
