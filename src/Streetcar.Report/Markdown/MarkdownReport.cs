using System.Text;
using Streetcar.Report.Model;

namespace Streetcar.Report.Markdown;

/// <summary>
/// Renders results/report.md from data alone. Pure and deterministic: no timestamps, durations, paths or
/// machine names, invariant number formats, LF line endings.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Relative path (from the report) of an experiment's plot of the given kind.</summary>
    public static string PlotPath(string experiment, string kind) => $"plots/{FileName(experiment)}-{kind}.svg";

    /// <summary>
    /// An experiment's name as part of a file name: a sweep's point is named <c>SWEEP/key=value,…</c>, and '/' would
    /// make a folder, so it becomes '~' (which no experiment file name needs); other names are unchanged.
    /// </summary>
    public static string FileName(string experiment) => experiment.Replace('/', '~');

    /// <summary>
    /// <see cref="PlotPath"/> as a markdown link target: percent-encoded, so that a name with a space or a
    /// parenthesis still links (names made of letters, digits, '-' and '_' are unchanged).
    /// </summary>
    public static string PlotLink(string experiment, string kind) => $"plots/{Uri.EscapeDataString($"{FileName(experiment)}-{kind}.svg")}";

    public static string Render(ReportInput input)
    {
        var md = new StringBuilder();
        md.Append("# Streetcar delay experiments\n\n");
        md.Append("Deep-learning experiments on the TTC streetcar delay data, after chapter 6 of *Deep Learning with ");
        md.Append("Structured Data*. Rendered by `./build.sh --target=AllExperiments` from the cached metrics; ");
        md.Append("this file is committed so that it can be diffed between commits.\n\n");
        if (input.RepeatsOverride is { } repeats)
        {
            md.Append($"> **Repeats overridden on the command line:** every experiment ran {repeats} repeat{(repeats == 1 ? "" : "s")} ");
            md.Append("(`--repeats`), not the count its file configures; these are not the figures of the committed configs.\n\n");
        }
        // Decision first: what to deploy and whether the book's steps hold; then the evidence.
        var statistics = Statistics.ReportStatistics.From(input);
        DecisionSection.Render(md, input, statistics);
        BookFiguresSection.Render(md, input, statistics);
        DataSection.Render(md, input.Data);
        ExperimentTable.Render(md, input.Experiments);
        StatisticsSections.Render(md, statistics);
        RecommendationSection.Render(md, input);
        foreach (var sweep in input.Sweeps)
        {
            Sweeps.SweepSection.Render(md, sweep);
        }
        foreach (var experiment in input.Experiments)
        {
            ExperimentSection.Render(md, experiment, input.Settings.PrimaryMetric);
        }
        if (input.Scoring.Count > 0)
        {
            ScoringSection.Render(md, input.Scoring);
        }
        return md.ToString();
    }
}
