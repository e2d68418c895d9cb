using Streetcar.Evaluate.OperatingPoints;

namespace Streetcar.Report.Markdown;

/// <summary>How the report words an operating point (threshold on validation, figures on test).</summary>
public static class OperatingPointText
{
    public static string Name(OperatingPoint p) => p.Rule == OperatingPoint.RecallTarget
        ? $"Precision at recall {Format.Percent(p.Target)}"
        : $"Recall at an alert budget of {Format.Percent(p.Target)} of slots";

    /// <summary>The figures, or the one line saying why the point could not be computed.</summary>
    public static string Describe(OperatingPoint p, string experiment)
    {
        if (p.Problem is { } problem)
        {
            return $"cannot be computed for {experiment}: {problem}";
        }
        var share = p.TestAlertShare is { } s ? Format.Percent(s) : "n/a";
        var figures = p.Rule == OperatingPoint.RecallTarget
            ? $"precision {Format.Metric(p.TestPrecision ?? double.NaN)} at test recall {Format.Metric(p.TestRecall ?? double.NaN)}"
            : $"recall {Format.Metric(p.TestRecall ?? double.NaN)} at test precision {Format.Metric(p.TestPrecision ?? double.NaN)}";
        return $"{figures}, alerting {share} of test slots (raw-score threshold {Format.Metric(p.Threshold ?? double.NaN)}, chosen on validation).";
    }
}
