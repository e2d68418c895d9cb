using System.Globalization;
using ScottPlot;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Markdown;
using Streetcar.Report.Model;

namespace Streetcar.Report.Plots;

/// <summary>
/// ROC and precision–recall plots as SVG: two per experiment (<c>plots/&lt;exp&gt;-roc.svg</c>, <c>-pr.svg</c>)
/// and an overlay of all experiments (<see cref="OverlayPath"/>) with each AUC in the legend; precision–recall
/// curves follow <see cref="AchievablePrCurve"/> (no invented starting point, no straight lines). The bytes depend
/// on the data alone (curve points are thinned deterministically, SVG ids renumbered).
/// </summary>
public static class CurvePlots
{
    private const int Width = 520;
    private const int Height = 420;

    /// <summary>Relative path (from the report) of the overlay of the given kind ("roc" or "pr"). Starts with
    /// an underscore, which no experiment name can (files starting with one are bases), so it cannot collide.</summary>
    public static string OverlayPath(string kind) => $"plots/_all-{kind}.svg";

    /// <summary>Writes the ROC and PR plots of <paramref name="series"/>; returns the files written (none
    /// when both curves are empty, i.e. the test split lacks a class).</summary>
    public static IReadOnlyList<string> WriteExperiment(CurveSeries series, string resultsDir)
    {
        var written = new List<string>();
        if (series.Curves.Roc.Count > 0)
        {
            written.Add(Save(Roc([series], $"{series.Experiment}: ROC curve (test)", overlay: false), resultsDir, MarkdownReport.PlotPath(series.Experiment, "roc")));
        }
        if (series.Curves.PrecisionRecall.Count > 0)
        {
            written.Add(Save(PrecisionRecall([series], $"{series.Experiment}: precision-recall curve (test)", overlay: false), resultsDir, MarkdownReport.PlotPath(series.Experiment, "pr")));
        }
        return written;
    }

    /// <summary>Writes the ROC and PR overlays of every series with points, in the given order; returns the
    /// files written.</summary>
    public static IReadOnlyList<string> WriteOverlay(IReadOnlyList<CurveSeries> series, string resultsDir)
    {
        var written = new List<string>();
        var roc = series.Where(s => s.Curves.Roc.Count > 0).ToArray();
        if (roc.Length > 0)
        {
            written.Add(Save(Roc(roc, "ROC curves, all experiments (test)", overlay: true), resultsDir, OverlayPath("roc")));
        }
        var pr = series.Where(s => s.Curves.PrecisionRecall.Count > 0).ToArray();
        if (pr.Length > 0)
        {
            written.Add(Save(PrecisionRecall(pr, "Precision-recall curves, all experiments (test)", overlay: true), resultsDir, OverlayPath("pr")));
        }
        return written;
    }

    private static Plot Roc(IReadOnlyList<CurveSeries> series, string title, bool overlay)
    {
        var plot = new Plot();
        foreach (var s in series)
        {
            Line(plot, s.Curves.Roc, overlay ? $"{s.Experiment} (AUC {Num(s.RocAuc)})" : $"ROC AUC {Num(s.RocAuc)}");
            if (!overlay && s.AtThreshold is { } m)
            {
                var negatives = m.FalsePositives + m.TrueNegatives;
                var fpr = negatives == 0 ? 0 : (double)m.FalsePositives / negatives;
                Marker(plot, fpr, m.Recall, $"threshold {ThresholdText(s)}: recall {Num(m.Recall)}, FPR {Num(fpr)}");
            }
        }
        // Added after the curves so that the curves take the palette's first colours.
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.LineColor = Colors.Gray;
        chance.LegendText = "chance";
        Frame(plot, title, "false-positive rate", "recall (true-positive rate)", Alignment.LowerRight);
        return plot;
    }

    private static Plot PrecisionRecall(IReadOnlyList<CurveSeries> series, string title, bool overlay)
    {
        var plot = new Plot();
        foreach (var s in series)
        {
            var path = AchievablePrCurve.Of(s.Curves.PrecisionRecall);
            Line(plot, [.. path.Select(p => p.Recall)], [.. path.Select(p => p.Precision)],
                overlay ? $"{s.Experiment} (PR AUC {Num(s.PrAuc)})" : $"PR AUC {Num(s.PrAuc)}");
            if (!overlay && s.AtThreshold is { } m)
            {
                Marker(plot, m.Recall, m.Precision, $"threshold {ThresholdText(s)}: recall {Num(m.Recall)}, precision {Num(m.Precision)}");
            }
        }
        // Added after the curves (palette order). A curve's last point is recall 1 at the lowest score: every
        // row predicted a delay, so its precision is the delay rate, what a model without skill gets anywhere.
        var baseRate = series[0].Curves.PrecisionRecall[^1].Y;
        var chance = plot.Add.Line(0, baseRate, 1, baseRate);
        chance.LinePattern = LinePattern.Dashed;
        chance.LineColor = Colors.Gray;
        chance.LegendText = $"delay rate {Num(baseRate)}";
        Frame(plot, title, "recall", "precision", Alignment.UpperRight);
        return plot;
    }

    private static void Line(Plot plot, IReadOnlyList<CurvePoint> points, string legend) =>
        Line(plot, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)], legend);

    private static void Line(Plot plot, double[] xs, double[] ys, string legend)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LineWidth = 2;
        line.LegendText = legend;
    }

    private static void Marker(Plot plot, double x, double y, string legend)
    {
        var marker = plot.Add.Marker(x, y);
        marker.MarkerSize = 10;
        marker.MarkerShape = MarkerShape.FilledCircle;
        marker.Color = Colors.Black;
        marker.LegendText = legend;
    }

    private static void Frame(Plot plot, string title, string x, string y, Alignment legend)
    {
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(legend);
    }

    private static string Save(Plot plot, string resultsDir, string relative)
    {
        var path = Path.Combine(resultsDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, SvgIds.Renumber(plot.GetSvgXml(Width, Height)));
        return path;
    }

    private static string ThresholdText(CurveSeries s) => s.Threshold is { } t ? Num(t) : "chosen";

    private static string Num(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
