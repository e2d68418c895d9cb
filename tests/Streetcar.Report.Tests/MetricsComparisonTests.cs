using Streetcar.Report.Compare;
using Streetcar.Report.Model;

namespace Streetcar.Report.Tests;

public sealed class MetricsComparisonTests
{
    [Fact]
    public void Compare_ChangedExperiment_ShowsDelta_AndNewExperimentHasNoBaseline()
    {
        var outcome = SampleReport.Input().Experiments[0];
        var exp4 = ExperimentMetrics.From(outcome);
        var better = ExperimentMetrics.From(outcome with { EpochsRun = 5 });
        var added = exp4 with { Name = "exp6" };

        var rows = MetricsComparison.Compare([exp4], [better, added]);

        var epochs = rows.Single(r => r.Experiment == "exp4" && r.Metric == "epochs_run");
        Assert.Equal(2, epochs.Change);
        Assert.All(rows.Where(r => r.Experiment == "exp6"), r => Assert.True(double.IsNaN(r.Baseline)));
        var table = MetricsComparison.Render(rows, "HEAD", changedOnly: true);
        Assert.Contains("exp4         epochs_run                    3              5         +2", table);
        Assert.DoesNotContain("test_accuracy    0.94", table.Split('\n').Where(l => l.StartsWith("exp4")).Aggregate("", (a, b) => a + b));
    }

    [Fact]
    public void Compare_Identical_HasNoChangedRows()
    {
        var metrics = SampleReport.Input().Experiments.Select(ExperimentMetrics.From).ToList();

        var table = MetricsComparison.Render(MetricsComparison.Compare(metrics, metrics), "HEAD", changedOnly: true);

        Assert.Single(table.Trim().Split('\n'));
    }
}
