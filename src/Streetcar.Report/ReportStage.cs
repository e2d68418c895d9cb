using Streetcar.Core.Json;
using Streetcar.Report.Markdown;
using Streetcar.Report.Model;
using Streetcar.Report.Plots;
using Streetcar.Report.Statistics;

namespace Streetcar.Report;

/// <summary>
/// The Report stage: writes results/report.md, results/metrics.json and results/plots/ from data. Every file
/// is written to a temporary name first and renamed into place, so an interrupted run never leaves a
/// half-written report.
/// </summary>
public static class ReportStage
{
    /// <summary>Version of the stage's logic.</summary>
    public const int Version = 1;

    public const string ReportFile = "report.md";
    public const string MetricsFile = "metrics.json";
    public const string PlotsFolder = "plots";

    /// <summary>Writes the results into <paramref name="resultsDir"/>; call it holding the pipeline's run lock.</summary>
    public static void Write(ReportInput input, string resultsDir)
    {
        Directory.CreateDirectory(resultsDir);
        // A run killed while writing leaves its .staging-<pid> folder; the caller holds the run lock, so every
        // staging folder here is such a leftover (results/ is committed: nothing stray may stay in it).
        foreach (var leftover in Directory.EnumerateDirectories(resultsDir, ".staging-*"))
        {
            Directory.Delete(leftover, true);
        }
        var staging = Path.Combine(resultsDir, $".staging-{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var experiment in input.Experiments)
            {
                ExperimentPlots.Write(experiment, staging);
                if (experiment.Curves is { } curves)
                {
                    CurvePlots.WriteExperiment(curves, staging);
                }
            }
            ForestPlots.Write(ReportStatistics.From(input), staging);
            CurvePlots.WriteOverlay(input.Experiments.Select(e => e.Curves).OfType<CurveSeries>().ToArray(), staging);
            ReplaceFolder(Path.Combine(staging, PlotsFolder), Path.Combine(resultsDir, PlotsFolder));
            ReplaceFile(Path.Combine(resultsDir, MetricsFile), StableJson.Serialize(input.Experiments.Select(ExperimentMetrics.From).ToList()));
            ReplaceFile(Path.Combine(resultsDir, ReportFile), MarkdownReport.Render(input));
        }
        finally
        {
            Directory.Delete(staging, true);
        }
    }

    private static void ReplaceFile(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private static void ReplaceFolder(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            Directory.CreateDirectory(source);
        }
        var old = target + ".old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, true);
        }
        if (Directory.Exists(target))
        {
            Directory.Move(target, old);
        }
        Directory.Move(source, target);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, true);
        }
    }
}
