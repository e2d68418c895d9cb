using ScottPlot;
using Streetcar.Report.Markdown;
using Streetcar.Report.Model;

namespace Streetcar.Report.Plots;

/// <summary>
/// Writes an experiment's plots as SVG next to the report: accuracy and loss curves (train vs validation,
/// as in the book's figures) and a confusion-matrix heatmap of the test set.
/// </summary>
public static class ExperimentPlots
{
    private const int Width = 520;
    private const int Height = 360;

    /// <summary>Writes every plot of <paramref name="e"/> under <paramref name="resultsDir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ExperimentOutcome e, string resultsDir)
    {
        if (e.Evaluation is null)
        {
            return [];
        }
        var written = new List<string>();
        void Save(Plot plot, string kind)
        {
            var path = Path.Combine(resultsDir, MarkdownReport.PlotPath(e.Name, kind));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, SvgIds.Renumber(plot.GetSvgXml(Width, Height)));
            written.Add(path);
        }
        // A model without epochs (gradient boosting) has no training curves, only its confusion matrix.
        if (e.History.Count > 0)
        {
            Save(Curves(e, "Accuracy", h => h.Accuracy, h => h.ValAccuracy), "accuracy");
            Save(Curves(e, "Loss", h => h.Loss, h => h.ValLoss), "loss");
        }
        Save(Confusion(e), "confusion");
        return written;
    }

    private static Plot Curves(ExperimentOutcome e, string metric, Func<EpochPoint, double> train, Func<EpochPoint, double> valid)
    {
        var plot = new Plot();
        var epochs = e.History.Select(h => (double)h.Epoch).ToArray();
        var trainLine = plot.Add.Scatter(epochs, e.History.Select(train).ToArray());
        trainLine.LegendText = $"train {metric.ToLowerInvariant()}";
        var validLine = plot.Add.Scatter(epochs, e.History.Select(valid).ToArray());
        validLine.LegendText = $"validation {metric.ToLowerInvariant()}";
        if (e.ChosenModel == "best" && e.BestEpoch is { } best)
        {
            var marker = plot.Add.VerticalLine(best);
            marker.LinePattern = LinePattern.Dashed;
            marker.LegendText = "best checkpoint";
        }
        plot.Title($"{e.Name}: {metric.ToLowerInvariant()} by epoch");
        plot.XLabel("epoch");
        plot.YLabel(metric.ToLowerInvariant());
        plot.ShowLegend();
        return plot;
    }

    private static Plot Confusion(ExperimentOutcome e)
    {
        var c = e.Evaluation!.Test.Confusion;
        // Rows: actual (no delay on top), columns: predicted. Shares of each actual class, so both rows read alike.
        double Share(long count, long rowTotal) => rowTotal == 0 ? 0 : (double)count / rowTotal;
        var negatives = c.TrueNegatives + c.FalsePositives;
        var positives = c.FalseNegatives + c.TruePositives;
        var shares = new double[,]
        {
            { Share(c.TrueNegatives, negatives), Share(c.FalsePositives, negatives) },
            { Share(c.FalseNegatives, positives), Share(c.TruePositives, positives) },
        };
        long[,] counts = { { c.TrueNegatives, c.FalsePositives }, { c.FalseNegatives, c.TruePositives } };

        // Four filled rectangles rather than a heatmap bitmap: crisp in every SVG viewer, and each cell's colour
        // is exactly its share of the actual class.
        var plot = new Plot();
        var colormap = new ScottPlot.Colormaps.Blues();
        for (var row = 0; row < 2; row++)
        {
            for (var col = 0; col < 2; col++)
            {
                var y = 1 - row;
                var cell = plot.Add.Rectangle(col - 0.5, col + 0.5, y - 0.5, y + 0.5);
                // ScottPlot's Blues runs from dark (0) to light (1): the larger share gets the darker blue.
                cell.FillColor = colormap.GetColor(1 - shares[row, col]);
                cell.LineColor = Colors.White;
                var label = plot.Add.Text($"{counts[row, col]:N0}\n{shares[row, col]:P1}", col, y);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 16;
                label.LabelFontColor = shares[row, col] > 0.5 ? Colors.White : Colors.Black;
            }
        }
        plot.Axes.Bottom.SetTicks([0, 1], ["no delay", "delay"]);
        plot.Axes.Left.SetTicks([0, 1], ["delay", "no delay"]);
        plot.Axes.SetLimits(-0.5, 1.5, -0.5, 1.5);
        plot.Title($"{e.Name}: test confusion matrix");
        plot.XLabel("predicted");
        plot.YLabel("actual");
        return plot;
    }
}
