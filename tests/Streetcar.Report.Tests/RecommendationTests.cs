using Streetcar.Core.Config;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Markdown;
using Streetcar.Report.Model;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests;

public sealed class RecommendationTests
{
    /// <summary>
    /// The sample's exp4 (test ROC AUC 0.91, PR AUC 0.42; validation 0.90 and 0.30) and gbm, better than exp4 on
    /// validation PR AUC (0.35) but worse on test (0.30), worse on validation ROC AUC (0.88) but better on test (0.95).
    /// </summary>
    private static ReportInput TwoExperiments(PrimaryMetric primary)
    {
        var sample = SampleReport.Input();
        var exp4 = sample.Experiments[0];
        var evaluation = exp4.Evaluation!;
        exp4 = exp4 with { Evaluation = evaluation with { ValidRocAuc = 0.90, Valid = evaluation.Test with { RocAuc = 0.90, PrAuc = 0.30 } } };
        var test = evaluation.Test with { RocAuc = 0.95, PrAuc = 0.30, Threshold = 0.3125 };
        var gbm = exp4 with
        {
            Name = "gbm",
            History = [],
            Evaluation = evaluation with { Experiment = "gbm", Test = test, ThresholdRule = "max_f1", ValidRocAuc = 0.88, Valid = test with { RocAuc = 0.88, PrAuc = 0.35 } },
        };
        return sample with { Experiments = [exp4, gbm], Settings = new ReportSettings { PrimaryMetric = primary } };
    }

    [Theory]
    [InlineData(PrimaryMetric.PrAuc, "**Recommended: gbm**", "mean validation PR AUC over its 1 repeat, 0.3500 (runner-up exp4, 0.3000)")]
    [InlineData(PrimaryMetric.RocAuc, "**Recommended: exp4**", "mean validation ROC AUC over its 1 repeat, 0.9000 (runner-up gbm, 0.8800)")]
    public void Render_RecommendsTheBestOnValidation_NotOnTest(PrimaryMetric primary, string recommended, string ranking)
    {
        var report = MarkdownReport.Render(TwoExperiments(primary));

        Assert.Contains(recommended, report, StringComparison.Ordinal);
        Assert.Contains(ranking, report, StringComparison.Ordinal);
        // The decision comes first, before the data.
        Assert.True(report.IndexOf("## Decision", StringComparison.Ordinal) < report.IndexOf("## Data", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TheGap_IsOneNumberEverywhere_AndAMissingGapIsOneLine()
    {
        var input = TwoExperiments(PrimaryMetric.PrAuc);
        var gap = new TestGap("gbm", "exp4", PrimaryMetric.PrAuc, 0.3, 0.42, new Interval(-0.15, -0.09, 0.95), 0.015, 1000, 19, 1000);

        var report = MarkdownReport.Render(input with { Gap = gap });
        var missing = MarkdownReport.Render(input with { GapProblem = "gbm and exp4 were tested on different rows" });

        var text = DecisionSection.GapText(gap);
        Assert.Contains("gbm − exp4 on test PR AUC = -0.1200 (0.3000 vs 0.4200; 95 % paired bootstrap interval over the 1,000 test rows -0.1500 to -0.0900", text, StringComparison.Ordinal);
        Assert.Equal(2, report.Split(text).Length - 1);
        Assert.Contains("- **Gap to the runner-up:** not measured: gbm and exp4 were tested on different rows.\n", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnExperimentWithoutAValidationFigure_IsOneLineNamingIt_NotNaN()
    {
        var input = TwoExperiments(PrimaryMetric.PrAuc);
        var old = input.Experiments[0] with { Evaluation = input.Experiments[0].Evaluation! with { Valid = null } };

        var report = MarkdownReport.Render(input with { Experiments = [old, input.Experiments[1]] });

        Assert.Contains("- exp4: its validation PR AUC cannot be computed", report, StringComparison.Ordinal);
        Assert.Contains("**Recommended: gbm**", report, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", report, StringComparison.Ordinal);
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
