using System.Globalization;
using System.Text;

namespace Streetcar.Report.Sweeps;

/// <summary>
/// The report's section of one sweep: how it searched, the points ranked by the validation metric (with the round
/// each reached), the plots of the metric against each swept key, and the chosen point. Its test figures are those
/// of an experiment like any other (the chosen point is reported in the experiments' tables); no other point is
/// scored on test.
/// </summary>
public static class SweepSection
{
    /// <summary>How many points the ranking table lists (all of them are in metrics.json).</summary>
    public const int ListedPoints = 15;

    public static void Render(StringBuilder md, SweepSummary sweep)
    {
        var inv = CultureInfo.InvariantCulture;
        md.Append($"## Sweep {sweep.Name}\n\n");
        if (sweep.Description.Length > 0)
        {
            md.Append($"{sweep.Description}\n\n");
        }
        md.Append($"Points override `{sweep.Base}`: {sweep.Method}, over {string.Join(", ", sweep.Keys.Select(k => $"`{k.Key}`"))}. ");
        md.Append($"Ranked by the {(sweep.By == "mean" ? "mean" : "pessimistic end of the 95 % interval")} of `{sweep.Metric}` over repeats, ");
        md.Append("on the validation split only: the test split chose nothing, and only the chosen point is scored on it.\n\n");
        if (sweep.Rounds.Count > 1)
        {
            md.Append("Successive halving: ");
            md.Append(string.Join("; ", sweep.Rounds.Select(r => $"round {r.Number}: {r.Points} point{(r.Points == 1 ? "" : "s")} to {r.Epochs} epochs")));
            md.Append($". It trained {sweep.EpochsTrained.ToString("N0", inv)} epochs where training every point to the full budget would take ");
            md.Append($"{sweep.EpochsFullBudget.ToString("N0", inv)}; survivors resumed their cached trajectories.\n\n");
        }
        md.Append($"**Chosen: `{sweep.Chosen}`.** ");
        md.Append("Within one round, points whose intervals overlap are not distinguished by these repeats; a point that stopped in an ");
        md.Append("earlier round was compared at a smaller budget, so its figure is not comparable with the last round's.\n\n");
        md.Append("| Rank | ");
        md.Append(string.Join(" | ", sweep.Keys.Select(k => $"`{k.Key}`")));
        md.Append($" | Round | Epochs | `{sweep.Metric}` mean | 95 % CI |\n|---:|");
        md.Append(string.Concat(sweep.Keys.Select(_ => "---|")));
        md.Append("---:|---:|---:|---|\n");
        foreach (var (point, rank) in sweep.Points.Take(ListedPoints).Select((p, i) => (p, i + 1)))
        {
            var bold = point.Name == sweep.Chosen ? "**" : "";
            md.Append($"| {bold}{rank}{bold} | {string.Join(" | ", point.Values)} | {point.Round} | {(point.Epochs is { } e ? e.ToString(inv) : "–")} | ");
            md.Append($"{Number(point.Mean)} | {(double.IsNaN(point.Low) ? "–" : $"[{Number(point.Low)}, {Number(point.High)}]")} |\n");
        }
        if (sweep.Points.Count > ListedPoints)
        {
            md.Append($"\n{sweep.Points.Count - ListedPoints} more points are in `metrics.json`.\n");
        }
        md.Append('\n');
        foreach (var plot in SweepPlots.Paths(sweep))
        {
            md.Append($"![{sweep.Name}: {sweep.Metric} by {plot.Key}]({plot.Link})\n");
        }
        md.Append('\n');
    }

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);
}
