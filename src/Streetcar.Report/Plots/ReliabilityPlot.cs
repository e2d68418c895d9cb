using System.Globalization;
using ScottPlot;
using Streetcar.Evaluate.Calibration;
using Streetcar.Report.Markdown;

namespace Streetcar.Report.Plots;

/// <summary>
/// A reliability diagram of one experiment's calibrated probabilities on test (<c>plots/&lt;exp&gt;-reliability.svg</c>):
/// each bin's mean predicted chance of a delay against the share of its rows that were delays, and the diagonal a
/// calibrated model lies on. The axes stop a little past the largest value: with 2 % delays almost every bin lies
/// near the origin, and a [0, 1] square would hide them.
/// </summary>
public static class ReliabilityPlot
{
    private const int Width = 520;
    private const int Height = 420;

    /// <summary>Writes the plot of <paramref name="experiment"/>; null when there is no bin to draw.</summary>
    public static string? Write(string experiment, CalibrationResult calibration, string resultsDir)
    {
        var bins = calibration.TestReliability;
        if (bins.Count == 0)
        {
            return null;
        }
        var plot = new Plot();
        var top = Math.Min(1, Math.Max(bins.Max(b => Math.Max(b.MeanPredicted, b.ObservedRate)) * 1.1, 0.01));
        var diagonal = plot.Add.Line(0, 0, top, top);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineColor = Colors.Gray;
        diagonal.LegendText = "calibrated";
        var points = plot.Add.ScatterLine(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.ObservedRate).ToArray());
        points.LineWidth = 2;
        points.MarkerSize = 7;
        points.LegendText = $"{calibration.Calibrator.Method}: test Brier {Num(calibration.TestBrierCalibrated)} (raw {Num(calibration.TestBrierRaw)})";
        plot.Axes.SetLimits(0, top, 0, top);
        plot.Title($"{experiment}: reliability of the calibrated probability (test)");
        plot.XLabel("mean predicted chance of a delay (bin)");
        plot.YLabel("observed delay rate (bin)");
        plot.ShowLegend(Alignment.UpperLeft);
        var path = Path.Combine(resultsDir, MarkdownReport.PlotPath(experiment, "reliability"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, SvgIds.Renumber(plot.GetSvgXml(Width, Height)));
        return path;
    }

    private static string Num(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
