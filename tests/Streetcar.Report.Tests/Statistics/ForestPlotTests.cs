using Streetcar.Report.Plots;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class ForestPlotTests
{
    private static IReadOnlyList<ForestRow> Rows() =>
    [
        ForestRow.FromSummary("exp3", RepeatSummary.Of([0.81, 0.74, 0.66, 0.80, 0.70])),
        ForestRow.FromSummary("exp4", RepeatSummary.Of([0.79])),
        ForestRow.FromProportion("exp4 test set (Wilson)", ProportionEstimate.Wilson(790, 1000)),
    ];

    [Fact]
    public void Svg_TwiceFromTheSameRows_IsByteIdentical()
    {
        var first = ForestPlot.Svg(RepeatMetric.Recall, Rows());
        var second = ForestPlot.Svg(RepeatMetric.Recall, Rows());

        Assert.Equal(first, second);
        Assert.Contains("<svg", first);
        Assert.Contains("exp3", first);
        Assert.Contains("exp4 test set (Wilson)", first);
        Assert.Contains("recall: mean and 95 % bootstrap interval over repeats", first);
    }

    [Fact]
    public void XLimits_FollowTheIntervals_AndStayInsideARatesRange()
    {
        var low = new ForestRow("collapsed", 0.01, new Interval(0, 0.03, 0.95), [0, 0.02, 0.01]);
        var high = new ForestRow("working", 0.9, new Interval(0.85, 0.995, 0.95), [0.88, 0.92]);

        var (left, right) = ForestPlot.XLimits(RepeatMetric.Recall, [low, high]);

        Assert.Equal(0, left);
        Assert.Equal(1, right);
        var (narrowLeft, narrowRight) = ForestPlot.XLimits(RepeatMetric.RocAuc, [high]);
        Assert.Equal(0.85 - 0.145 * 0.05, narrowLeft, 12);
        Assert.Equal(1, narrowRight);
        var (epochsLeft, _) = ForestPlot.XLimits(RepeatMetric.EpochsRun, [new ForestRow("exp4", 10, new Interval(-2, 22, 0.95), [])]);
        Assert.True(epochsLeft < -2);
    }

    [Fact]
    public void Svg_DependsOnTheValues()
    {
        var other = Rows().ToList();
        other[0] = ForestRow.FromSummary("exp3", RepeatSummary.Of([0.81, 0.74, 0.66, 0.80, 0.71]));

        Assert.NotEqual(ForestPlot.Svg(RepeatMetric.Recall, Rows()), ForestPlot.Svg(RepeatMetric.Recall, other));
    }

    [Fact]
    public void Write_PutsThePlotAtItsPath()
    {
        var dir = Directory.CreateTempSubdirectory("forest").FullName;
        try
        {
            var path = ForestPlot.Write(RepeatMetric.PrAuc, Rows(), dir);

            Assert.Equal(Path.Combine(dir, "plots", "forest-test_pr_auc.svg"), path);
            Assert.Equal(ForestPlot.Svg(RepeatMetric.PrAuc, Rows()), File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Svg_NoRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => ForestPlot.Svg(RepeatMetric.Recall, []));
    }
}
