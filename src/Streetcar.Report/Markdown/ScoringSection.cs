using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>The one-off scoring sanity check of the book's section 6.9.</summary>
internal static class ScoringSection
{
    public static void Render(StringBuilder md, IReadOnlyList<SanityTrip> trips)
    {
        md.Append("## Scoring sanity check\n\n");
        md.Append("| Trip | Experiment | Delay probability | Predicted |\n|---|---|---:|---|\n");
        foreach (var trip in trips)
        {
            md.Append($"| {Format.Cell(trip.Description)} | {Format.Cell(trip.Experiment)} | {Format.Metric(trip.Probability)} | {(trip.PredictedDelay ? "delay" : "no delay")} |\n");
        }
        md.Append('\n');
    }
}
