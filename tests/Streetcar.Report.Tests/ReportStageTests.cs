using Streetcar.Core.Json;
using Streetcar.Report.Model;

namespace Streetcar.Report.Tests;

public sealed class ReportStageTests
{
    [Fact]
    public void Write_ProducesReportMetricsAndPlots_AndNothingTemporary()
    {
        var dir = Directory.CreateTempSubdirectory("report").FullName;
        try
        {
            ReportStage.Write(SampleReport.Input(), dir);

            Assert.True(File.Exists(Path.Combine(dir, "report.md")));
            var metrics = StableJson.Read<List<ExperimentMetrics>>(Path.Combine(dir, "metrics.json"));
            Assert.Equal(["exp4", "exp9"], metrics.Select(m => m.Name));
            // exp4's accuracy, loss and confusion plots, and a forest plot per rate (exp9 failed: no plots).
            Assert.Equal(
                ["exp4-accuracy.svg", "exp4-confusion.svg", "exp4-loss.svg", "forest-test_accuracy.svg", "forest-test_pr_auc.svg",
                    "forest-test_precision.svg", "forest-test_recall.svg", "forest-test_roc_auc.svg"],
                Directory.GetFiles(Path.Combine(dir, "plots")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(["metrics.json", "plots", "report.md"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Write_Twice_GivesTheSameBytes_AndDropsPlotsOfRemovedExperiments()
    {
        var dir = Directory.CreateTempSubdirectory("report").FullName;
        try
        {
            ReportStage.Write(SampleReport.Input(), dir);
            var first = File.ReadAllBytes(Path.Combine(dir, "report.md"));
            File.WriteAllText(Path.Combine(dir, "plots", "gone-accuracy.svg"), "<svg/>");

            ReportStage.Write(SampleReport.Input(), dir);

            Assert.Equal(first, File.ReadAllBytes(Path.Combine(dir, "report.md")));
            Assert.False(File.Exists(Path.Combine(dir, "plots", "gone-accuracy.svg")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
