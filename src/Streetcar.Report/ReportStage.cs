using Streetcar.Core.Files;
using Streetcar.Core.Json;
using Streetcar.Report.Markdown;
using Streetcar.Report.Model;
using Streetcar.Report.Plots;
using Streetcar.Report.Statistics;

namespace Streetcar.Report;

/// <summary>
/// The Report stage: writes results/report.md, results/metrics.json and results/plots/ from data. The whole new
/// tree is built next to results/ and swapped in at once (<see cref="WholeFolder"/>): results/ changes as a whole
/// or not at all, whatever stops the process.
/// </summary>
public static class ReportStage
{
    /// <summary>Version of the stage's logic.</summary>
    public const int Version = 1;

    public const string ReportFile = "report.md";
    public const string MetricsFile = "metrics.json";
    public const string PlotsFolder = "plots";

    /// <summary>Every sweep's points (results/sweeps.json), written when there are sweeps.</summary>
    public const string SweepsFile = "sweeps.json";

    /// <summary>
    /// Replaces the report in <paramref name="resultsDir"/>: the report, the metrics and the plots, plus whatever
    /// <paramref name="alsoWrite"/> writes into the new tree (the CLI's run-info.json). Every other entry of the old
    /// folder (results/tensorboard/, a file a person put there) is carried over. Call it holding the results lock (PipelineContext.LockResults).
    /// </summary>
    /// <param name="cancel">Checked between files: a cancelled report throws before the swap and leaves results/ as it was.</param>
    public static void Write(ReportInput input, string resultsDir, Action<string>? alsoWrite = null, CancellationToken cancel = default) =>
        WholeFolder.Replace(resultsDir, IsLeftover, tree =>
        {
            WriteTree(input, tree, cancel);
            alsoWrite?.Invoke(tree);
            cancel.ThrowIfCancellationRequested();
        });

    /// <summary>Writes the report, the metrics and the plots into the empty folder <paramref name="dir"/>.</summary>
    private static void WriteTree(ReportInput input, string dir, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.Combine(dir, PlotsFolder));
        foreach (var experiment in input.Experiments)
        {
            cancel.ThrowIfCancellationRequested();
            ExperimentPlots.Write(experiment, dir);
            if (experiment.Curves is { } curves)
            {
                CurvePlots.WriteExperiment(curves, dir);
            }
            if (experiment.Evaluation?.Calibration is { } calibration)
            {
                ReliabilityPlot.Write(experiment.Name, calibration, dir);
            }
        }
        foreach (var sweep in input.Sweeps)
        {
            cancel.ThrowIfCancellationRequested();
            Sweeps.SweepPlots.Write(sweep, dir);
        }
        if (input.Sweeps.Count > 0)
        {
            // Every point of every sweep, with its values, the round it reached and its validation figures.
            File.WriteAllText(Path.Combine(dir, SweepsFile), StableJson.Serialize(input.Sweeps));
        }
        cancel.ThrowIfCancellationRequested();
        ForestPlots.Write(ReportStatistics.From(input), dir);
        CurvePlots.WriteOverlay(input.Experiments.Select(e => e.Curves).OfType<CurveSeries>().ToArray(), dir);
        File.WriteAllText(Path.Combine(dir, MetricsFile), StableJson.Serialize(ExperimentMetrics.AllOf(input)));
        File.WriteAllText(Path.Combine(dir, ReportFile), MarkdownReport.Render(input));
    }

    /// <summary>
    /// What earlier versions of this stage left inside results/ when killed (a staging folder, the plots moved
    /// aside, a temporary file): dropped, never carried into the new tree.
    /// </summary>
    private static bool IsLeftover(string name) =>
        name.StartsWith(".staging-", StringComparison.Ordinal)
        || name.StartsWith(".write-probe-", StringComparison.Ordinal)
        || name == PlotsFolder + ".old"
        || name is ReportFile + ".tmp" or MetricsFile + ".tmp";
}
