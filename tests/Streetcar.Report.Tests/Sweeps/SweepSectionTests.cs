using System.Text;
using Streetcar.Report.Sweeps;

namespace Streetcar.Report.Tests.Sweeps;

public sealed class SweepSectionTests
{
    private static SweepSummary Sample()
    {
        SweepPointSummary P(string lr, string width, int round, int epochs, double mean, double first) =>
            new($"net/learning_rate={lr},hidden_layers={width}", [lr, width], round, epochs, mean, mean - 0.01, mean + 0.01, first);
        return new SweepSummary("net", "Learning rate by width.", "exp7", "grid of 4 points", "val_pr_auc", "mean",
            [new SweptKey("learning_rate", ["0.001", "0.01"]), new SweptKey("hidden_layers", ["64x32", "none"])],
            [P("0.01", "64x32", 2, 30, 0.21, 0.15), P("0.001", "64x32", 2, 30, 0.19, 0.16), P("0.01", "none", 1, 10, 0.12, 0.12), P("0.001", "none", 1, 10, 0.10, 0.10)],
            "net/learning_rate=0.01,hidden_layers=64x32",
            [new SweepRoundSummary(1, 4, 10, 2), new SweepRoundSummary(2, 2, 30, 0)], 2 * 10 + 2 * 30, 4 * 30);
    }

    [Fact]
    public void The_section_names_the_chosen_point_the_rounds_and_that_test_chose_nothing()
    {
        var md = new StringBuilder();
        SweepSection.Render(md, Sample());
        var text = md.ToString();
        Assert.Contains("## Sweep net", text);
        Assert.Contains("**Chosen: `net/learning_rate=0.01,hidden_layers=64x32`.**", text);
        Assert.Contains("round 1: 4 points to 10 epochs; round 2: 2 points to 30 epochs", text);
        Assert.Contains("It trained 80 epochs where training every point to the full budget would take 120", text);
        Assert.Contains("the test split chose nothing", text);
        Assert.Contains("| **1** | 0.01 | 64x32 | 2 | 30 | 0.2100 | [0.2000, 0.2200] |", text);
        Assert.Contains("| 4 | 0.001 | none | 1 | 10 | 0.1000 | [0.0900, 0.1100] |", text);
        Assert.Contains("plots/sweep-net-heatmap.svg", text);
    }

    [Fact]
    public void The_plots_are_written_for_each_key_and_a_heatmap_the_same_bytes_twice()
    {
        var dir = Directory.CreateTempSubdirectory("sweep-plots-").FullName;
        try
        {
            var files = SweepPlots.Write(Sample(), dir);
            Assert.Equal(["sweep-net-by-1.svg", "sweep-net-by-2.svg", "sweep-net-heatmap.svg"], files.Select(Path.GetFileName));
            var first = files.Select(File.ReadAllText).ToArray();
            var again = SweepPlots.Write(Sample(), dir).Select(File.ReadAllText).ToArray();
            Assert.Equal(first, again);
            Assert.Contains("\t0.1500\n", first[2]); // each cell writes its figure (one point per cell here)
            Assert.Contains("\t0.1000\n", first[2]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
