using System.Text;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>An experiment's per-repeat figures (for its own section), marking the repeat whose model serves.</summary>
public static class RepeatsDetail
{
    public static string Render(RepeatedExperiment experiment, int? servingRepeat)
    {
        var md = new StringBuilder();
        md.Append("| Repeat |");
        md.Append(string.Concat(RepeatMetrics.All.Select(m => $" {Format.Cell(m.Header())} |")));
        md.Append("\n|---:|");
        md.Append(string.Concat(RepeatMetrics.All.Select(_ => "---:|")));
        md.Append('\n');
        foreach (var r in experiment.Repeats.OrderBy(r => r.Repeat))
        {
            var serves = r.Repeat == servingRepeat ? " (serves)" : "";
            md.Append($"| {r.Repeat}{serves} |");
            md.Append(string.Concat(RepeatMetrics.All.Select(m => $" {StatisticsFormat.Number(m.Of(r), m == RepeatMetric.EpochsRun ? 0 : m.Decimals())} |")));
            md.Append('\n');
        }
        md.Append('\n');
        return md.ToString();
    }
}
