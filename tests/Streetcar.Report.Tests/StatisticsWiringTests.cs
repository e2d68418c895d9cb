using Streetcar.Core.Json;
using Streetcar.Report.Compare;
using Streetcar.Report.Markdown;
using Streetcar.Report.Model;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests;

/// <summary>Issue 12: the statistics over repeats reach the report, the plots, metrics.json and compare.</summary>
public sealed class StatisticsWiringTests
{
    [Fact]
    public void Report_ShowsTheRepeatsTable_ForestPlots_TestSetInterval_AndTheDifferences()
    {
        var md = MarkdownReport.Render(RepeatedSample.Input());

        // exp1 caught 20, 24, 22 of 50: recall 0.44 ± 0.04; the bootstrap over three repeats reaches their extremes
        // (a resample of one value three times has probability 1/27 > 2.5 %).
        Assert.Contains("| exp1 | 3 |", md);
        Assert.Contains("| 0.4400 ± 0.0400 [0.4000, 0.4800] |", md);
        Assert.Contains("![recall over repeats](plots/forest-test_recall.svg)", md);
        Assert.DoesNotContain("forest-epochs_run", md);
        // exp3 has the best mean recall (98/150 = 0.6533, exp2 97/150); its serving repeat caught 33 of 50.
        Assert.Contains("For scale (an illustration, not a choice), exp3's recall in its serving repeat (2; the experiment with the best mean recall) is 0.6600 (33 of 50 delays caught)", md);
        // Per repeat exp2 − exp1 caught 10, 11, 10 more of 50: +0.2067, significant (bold) after Holm.
        Assert.Contains("| Pair | Test accuracy | Recall | Precision | ROC AUC | PR AUC |\n", md);
        Assert.Matches(@"\| exp2 vs exp1 \| [^|]+ \| \*\*\+0\.2067 \[", md);
        Assert.Matches(@"\| exp3 vs exp2 \| [^|]+ \| [+-]0\.\d{4} \[", md);
        // Epochs run is a design variable: in the table, never tested.
        Assert.DoesNotContain("| Pair | Test accuracy | Recall | Precision | ROC AUC | PR AUC | Epochs run |", md);
    }

    [Fact]
    public void Report_ComparesTheConfiguredPairs()
    {
        var input = RepeatedSample.Input() with { Pairs = [new ExperimentPair("exp1", "exp3")] };

        var md = MarkdownReport.Render(input);

        Assert.Contains("| exp3 vs exp1 |", md);
        Assert.DoesNotContain("exp2 vs exp1", md);
        // exp3 − exp1 caught 11, 9, 12 more: paired t = 12.1 on 2 degrees of freedom, p = 0.007: bold.
        Assert.Matches(@"\| exp3 vs exp1 \| [^|]+ \| \*\*\+0\.2133 \[[^|]+ p 0\.007\*\* \|", md);
    }

    [Fact]
    public void MetricsJson_CarriesTheSummariesNextToTheRepeats_AndReadsBack()
    {
        var json = StableJson.Serialize(RepeatedSample.Input().Experiments.Select(ExperimentMetrics.From).ToList());

        var read = StableJson.Deserialize<List<ExperimentMetrics>>(json);
        var recall = read[0].Summaries.Single(s => s.Metric == "test_recall");
        Assert.Equal(3, recall.N);
        Assert.Equal(0.44, recall.Mean, 12);
        Assert.Equal(0.04, recall.Sd!.Value, 12);
        Assert.Equal(0.40, recall.CiLower!.Value, 12);
        Assert.Equal(0.48, recall.CiUpper!.Value, 12);
        Assert.Equal(0.95, recall.Level);
        Assert.Equal(RepeatMetrics.All.Select(m => m.Key()), read[0].Summaries.Select(s => s.Metric));
        Assert.True(json.IndexOf("\"repeats\"", StringComparison.Ordinal) < json.IndexOf("\"summaries\"", StringComparison.Ordinal));
    }

    [Fact]
    public void MetricsJson_CarriesTheGap_OnTheRecommendedExperimentOnly_AsTheReportPrintsIt()
    {
        var gap = new TestGap("exp3", "exp2", Streetcar.Core.Config.PrimaryMetric.PrAuc, 0.2050, 0.1949, new Interval(0.0071, 0.0128, 0.95), 0.0015, 1000, 19, 590_512);
        var input = RepeatedSample.Input() with { Gap = gap };

        var json = StableJson.Serialize(ExperimentMetrics.AllOf(input));

        var read = StableJson.Deserialize<List<ExperimentMetrics>>(json);
        Assert.Equal(gap, read.Single(m => m.Name == "exp3").GapToRunnerUp);
        Assert.All(read.Where(m => m.Name != "exp3"), m => Assert.Null(m.GapToRunnerUp));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "gap_to_runner_up"));
    }

    [Fact]
    public void Compare_MarksAMeanInsideTheBaselineInterval_WithinNoise_AndOneOutside_OutsideNoise()
    {
        var baseline = RepeatedSample.Input().Experiments.Select(ExperimentMetrics.From).ToList();
        // exp1 now catches what exp3 caught (outside exp1's interval); exp3 now catches what exp2 did (inside exp3's).
        var current = new List<ExperimentMetrics>
        {
            ExperimentMetrics.From(RepeatedSample.Outcome("exp3") with { Name = "exp1" }),
            baseline[1],
            ExperimentMetrics.From(RepeatedSample.Outcome("exp2") with { Name = "exp3" }),
        };

        var rows = MetricsComparison.Compare(baseline, current);

        Assert.Equal(NoiseVerdict.OutsideNoise, rows.Single(r => r.Experiment == "exp1" && r.Metric == "test_recall").Noise);
        Assert.Equal(NoiseVerdict.WithinNoise, rows.Single(r => r.Experiment == "exp3" && r.Metric == "test_recall").Noise);
        Assert.Null(rows.Single(r => r.Experiment == "exp1" && r.Metric == "false_negatives").Noise);
        var table = MetricsComparison.Render(rows, "HEAD~1", changedOnly: true, "HEAD");
        Assert.Contains("exp1         test_recall                0.44         0.6533    +0.2133  outside noise\n", table);
        Assert.Contains("exp3         test_recall              0.6533         0.6467    -0.0067  within noise\n", table);
    }

    [Fact]
    public void Compare_ABaselineWithoutSummaries_UsesItsPerRepeatFigures()
    {
        var withSummaries = ExperimentMetrics.From(RepeatedSample.Outcome("exp1"));
        var older = withSummaries with { Summaries = [] };

        var stored = MetricsComparison.SummaryOf(withSummaries, RepeatMetric.Recall)!;
        var recomputed = MetricsComparison.SummaryOf(older, RepeatMetric.Recall)!;

        Assert.Equal(stored.Mean, recomputed.Mean, 12);
        Assert.Equal(stored.Interval!.Lower, recomputed.Interval!.Lower, 12);
        Assert.Equal(stored.Interval.Upper, recomputed.Interval.Upper, 12);
    }
}
