using Streetcar.Core.Config;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Markdown;
using Streetcar.Report.Model;

namespace Streetcar.Report.Tests;

public sealed class RecommendationTests
{
    /// <summary>The sample's exp4 (ROC AUC 0.91, PR AUC 0.42) and a baseline ranking better on ROC, worse on PR.</summary>
    private static ReportInput TwoExperiments(PrimaryMetric primary)
    {
        var sample = SampleReport.Input();
        var exp4 = sample.Experiments[0];
        var evaluation = exp4.Evaluation!;
        var gbm = exp4 with
        {
            Name = "gbm",
            History = [],
            Evaluation = evaluation with { Experiment = "gbm", Test = evaluation.Test with { RocAuc = 0.95, PrAuc = 0.30, Threshold = 0.3125 }, ThresholdRule = "max_f1" },
        };
        return sample with { Experiments = [exp4, gbm], Settings = new ReportSettings { PrimaryMetric = primary } };
    }

    [Theory]
    [InlineData(PrimaryMetric.PrAuc, "the best experiment is **exp4** with 0.4200, ahead of gbm (0.3000) by 0.1200", "fixed in its config")]
    [InlineData(PrimaryMetric.RocAuc, "the best experiment is **gbm** with 0.9500, ahead of exp4 (0.9100) by 0.0400", "rule `max_f1`, chosen on the validation split")]
    public void Render_NamesTheBestOnThePrimaryMetric_AndHowItsThresholdWasSet(PrimaryMetric primary, string verdict, string threshold)
    {
        var report = MarkdownReport.Render(TwoExperiments(primary));

        Assert.Contains(verdict, report, StringComparison.Ordinal);
        Assert.Contains(threshold, report, StringComparison.Ordinal);
        Assert.DoesNotContain("intervals across repeats", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithRepeats_PointsAtTheSpreadAcrossThem()
    {
        var input = TwoExperiments(PrimaryMetric.PrAuc);
        var exp4 = input.Experiments[0];
        var repeats = new[] { 1, 2 }.Select(r => new RepeatOutcome(r, r, r, 42, 3, 2, 0.75, exp4.Evaluation!)).ToArray();

        var report = MarkdownReport.Render(input with { Experiments = [exp4 with { Repeats = repeats }, input.Experiments[1]] });

        Assert.Contains("intervals across repeats", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ModelWithoutEpochs_LinksNoTrainingCurves()
    {
        var report = MarkdownReport.Render(TwoExperiments(PrimaryMetric.PrAuc));

        Assert.Contains("plots/exp4-accuracy.svg", report, StringComparison.Ordinal);
        Assert.DoesNotContain("plots/gbm-accuracy.svg", report, StringComparison.Ordinal);
        Assert.Contains("plots/gbm-confusion.svg", report, StringComparison.Ordinal);
        Assert.Contains("0.3125 (`max_f1` on validation)", report, StringComparison.Ordinal);
    }
}
