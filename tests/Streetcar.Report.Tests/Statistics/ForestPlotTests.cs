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
        Assert.Contains("recall: mean and 95 % CI over repeats", first);
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
