using ScottPlot;
using Streetcar.Report.Plots;

namespace Streetcar.Report.Sweeps;

/// <summary>
/// Plots of a sweep's round-1 figures (every point at the same budget, so they compare): the validation metric
/// against each swept key (each point a dot, the mean over the other keys' values a line), and for a sweep of two
/// keys a heatmap of the two. Drawn as shapes, never bitmaps, so the SVG bytes depend on the data alone.
/// </summary>
public static class SweepPlots
{
    private const int Width = 520;
    private const int Height = 380;

    /// <summary>A plot of a sweep: which key it shows (or "a × b"), its relative path, and its markdown link target.</summary>
    public sealed record SweepPlot(string Key, string Path, string Link);

    /// <summary>The plots <see cref="Write"/> writes for <paramref name="sweep"/>, in order.</summary>
    public static IReadOnlyList<SweepPlot> Paths(SweepSummary sweep)
    {
        var plots = sweep.Keys.Select((k, i) => Plot(sweep, k.Key, $"by-{i + 1}")).ToList();
        if (sweep.Keys.Count == 2)
        {
            plots.Add(Plot(sweep, $"{sweep.Keys[0].Key} × {sweep.Keys[1].Key}", "heatmap"));
        }
        return plots;
    }

    /// <summary>Writes the plots under <paramref name="resultsDir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(SweepSummary sweep, string resultsDir)
    {
        var written = new List<string>();
        var paths = Paths(sweep);
        for (var k = 0; k < sweep.Keys.Count; k++)
        {
            written.Add(Save(ByKey(sweep, k), resultsDir, paths[k].Path));
        }
        if (sweep.Keys.Count == 2)
        {
            written.Add(Save(Heatmap(sweep), resultsDir, paths[2].Path));
        }
        return written;
    }

    private static SweepPlot Plot(SweepSummary sweep, string key, string kind)
    {
        var file = $"sweep-{sweep.Name}-{kind}.svg";
        return new SweepPlot(key, $"plots/{file}", $"plots/{Uri.EscapeDataString(file)}");
    }

    /// <summary>The metric against key <paramref name="k"/>: its values in file order on the x axis.</summary>
    private static Plot ByKey(SweepSummary sweep, int k)
    {
        var values = Distinct(sweep, k);
        var plot = new Plot();
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var point in sweep.Points.Where(p => double.IsFinite(p.FirstRoundMean)))
        {
            xs.Add(values.IndexOf(point.Values[k]));
            ys.Add(point.FirstRoundMean);
        }
        var dots = plot.Add.Markers(xs.ToArray(), ys.ToArray());
        dots.MarkerShape = MarkerShape.OpenCircle;
        dots.MarkerSize = 6;
        dots.Color = Colors.Gray;
        var means = values.Select(v => sweep.Points.Where(p => p.Values[k] == v && double.IsFinite(p.FirstRoundMean)).Select(p => p.FirstRoundMean).DefaultIfEmpty(double.NaN).Average()).ToArray();
        var positions = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(positions, means);
        line.Color = Colors.Navy;
        line.LineWidth = 2;
        line.MarkerSize = 8;
        if (sweep.Points.FirstOrDefault(p => p.Name == sweep.Chosen) is { } chosen && double.IsFinite(chosen.FirstRoundMean))
        {
            var star = plot.Add.Marker(values.IndexOf(chosen.Values[k]), chosen.FirstRoundMean);
            star.MarkerShape = MarkerShape.FilledDiamond;
            star.MarkerSize = 11;
            star.Color = Colors.DarkOrange;
        }
        plot.Axes.Bottom.SetTicks(positions, [.. values]);
        plot.Axes.SetLimitsX(-0.5, values.Count - 0.5);
        plot.Title($"{sweep.Name}: {sweep.Metric} by {sweep.Keys[k].Key} (round 1, validation)");
        plot.XLabel(sweep.Keys[k].Key);
        plot.YLabel($"{sweep.Metric} (mean over repeats)");
        return plot;
    }

    /// <summary>Two keys: a cell per pair of values, shaded by the mean of the points in it, the figure written inside.</summary>
    private static Plot Heatmap(SweepSummary sweep)
    {
        var xs = Distinct(sweep, 0);
        var ys = Distinct(sweep, 1);
        var plot = new Plot();
        var cells = new double[xs.Count, ys.Count];
        var finite = new List<double>();
        for (var i = 0; i < xs.Count; i++)
        {
            for (var j = 0; j < ys.Count; j++)
            {
                var inCell = sweep.Points.Where(p => p.Values[0] == xs[i] && p.Values[1] == ys[j] && double.IsFinite(p.FirstRoundMean)).Select(p => p.FirstRoundMean).ToArray();
                cells[i, j] = inCell.Length == 0 ? double.NaN : inCell.Average();
                if (inCell.Length > 0)
                {
                    finite.Add(cells[i, j]);
                }
            }
        }
        var (low, high) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (var i = 0; i < xs.Count; i++)
        {
            for (var j = 0; j < ys.Count; j++)
            {
                var value = cells[i, j];
                var rectangle = plot.Add.Rectangle(i - 0.5, i + 0.5, j - 0.5, j + 0.5);
                rectangle.LineWidth = 0;
                rectangle.FillColor = double.IsNaN(value) ? Colors.LightGray : colormap.GetColor(high > low ? (value - low) / (high - low) : 0.5);
                var text = plot.Add.Text(double.IsNaN(value) ? "–" : value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), i, j);
                text.LabelFontColor = double.IsNaN(value) || (high > low && (value - low) / (high - low) > 0.6) ? Colors.Black : Colors.White;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, xs.Count).Select(i => (double)i).ToArray(), [.. xs]);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, ys.Count).Select(i => (double)i).ToArray(), [.. ys]);
        plot.Axes.SetLimits(-0.5, xs.Count - 0.5, -0.5, ys.Count - 0.5);
        plot.Title($"{sweep.Name}: {sweep.Metric} (round 1, validation; mean over the points in a cell)");
        plot.XLabel(sweep.Keys[0].Key);
        plot.YLabel(sweep.Keys[1].Key);
        return plot;
    }

    /// <summary>The values of key <paramref name="k"/> in the file's order (a random sweep may not have drawn them all).</summary>
    private static List<string> Distinct(SweepSummary sweep, int k) => [.. sweep.Keys[k].Values];

    private static string Save(Plot plot, string resultsDir, string relative)
    {
        var path = Path.Combine(resultsDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, SvgIds.Renumber(plot.GetSvgXml(Width, Height)));
        return path;
    }
}
