using ScottPlot;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Plots;

/// <summary>
/// A forest plot of one metric: one row per experiment (first on top), the mean as a square, the confidence interval
/// as a capped bar and each repeat's value as a small dot beneath, so overlap between experiments is seen at a glance.
/// </summary>
public static class ForestPlot
{
    private const int Width = 560;
    private const double DotOffset = 0.22;
    private const double CapHalfHeight = 0.1;

    /// <summary>Relative path (from the report) of the forest plot of <paramref name="metric"/>.</summary>
    public static string PlotPath(RepeatMetric metric) => $"plots/forest-{metric.Key()}.svg";

    /// <summary>Writes the plot under <paramref name="resultsDir"/> at <see cref="PlotPath"/>; returns the file written.</summary>
    public static string Write(RepeatMetric metric, IReadOnlyList<ForestRow> rows, string resultsDir)
    {
        var path = Path.Combine(resultsDir, PlotPath(metric));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Svg(metric, rows));
        return path;
    }

    /// <summary>The SVG text; its bytes depend on the rows alone (ScottPlot's ids renumbered).</summary>
    /// <exception cref="ArgumentException">No row, or a row without an estimate.</exception>
    public static string Svg(RepeatMetric metric, IReadOnlyList<ForestRow> rows)
    {
        if (rows.Count == 0 || rows.Any(r => double.IsNaN(r.Estimate)))
        {
            throw new ArgumentException("a forest plot needs at least one row, each with an estimate", nameof(rows));
        }
        var plot = new Plot();
        var level = rows.Select(r => r.Interval?.Level).FirstOrDefault(l => l is not null) ?? 0.95;
        var positions = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = rows.Count - 1 - i;
            positions[i] = y;
            var colour = row.IsReference ? Colors.DarkOrange : Colors.Navy;
            if (row.Interval is { } interval)
            {
                Segment(plot, interval.Lower, y, interval.Upper, y, colour);
                Segment(plot, interval.Lower, y - CapHalfHeight, interval.Lower, y + CapHalfHeight, colour);
                Segment(plot, interval.Upper, y - CapHalfHeight, interval.Upper, y + CapHalfHeight, colour);
            }
            var mean = plot.Add.Marker(row.Estimate, y);
            mean.MarkerShape = MarkerShape.FilledSquare;
            mean.MarkerSize = 9;
            mean.Color = colour;
            if (row.Points.Count > 0)
            {
                var dots = plot.Add.Markers(row.Points.ToArray(), row.Points.Select(_ => y - DotOffset).ToArray());
                dots.MarkerShape = MarkerShape.OpenCircle;
                dots.MarkerSize = 5;
                dots.Color = Colors.Gray;
            }
        }
        plot.Axes.Left.SetTicks(positions, [.. rows.Select(r => r.Label)]);
        var (left, right) = XLimits(metric, rows);
        plot.Axes.SetLimits(left, right, -0.6, rows.Count - 0.4);
        var kind = metric.IsRate() ? "bootstrap interval" : "CI";
        plot.Title($"{metric.Label()}: mean and {Levels.Percent(level)} {kind} over repeats");
        plot.XLabel(metric.Label());
        return SvgIds.Renumber(plot.GetSvgXml(Width, 90 + 42 * rows.Count));
    }

    /// <summary>
    /// The x axis follows what is drawn (every estimate, interval end and dot) with a 5 % margin, and never leaves a
    /// rate's range: a recall axis starting at −0.2 would show values no model can have.
    /// </summary>
    public static (double Left, double Right) XLimits(RepeatMetric metric, IReadOnlyList<ForestRow> rows)
    {
        var xs = rows.SelectMany(r => r.Points.Append(r.Estimate)
            .Concat(r.Interval is { } i ? [i.Lower, i.Upper] : [])).ToArray();
        var (low, high) = (xs.Min(), xs.Max());
        var margin = Math.Max((high - low) * 0.05, metric.IsRate() ? 0.005 : 0.5);
        var (left, right) = (low - margin, high + margin);
        return metric.IsRate() ? (Math.Max(0, left), Math.Min(1, right)) : (left, right);
    }

    private static void Segment(Plot plot, double x1, double y1, double x2, double y2, Color colour)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.LineWidth = 2;
        line.LineColor = colour;
    }
}
