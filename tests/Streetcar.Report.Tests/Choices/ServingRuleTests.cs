using Streetcar.Core.Config;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Model;

namespace Streetcar.Report.Tests.Choices;

public sealed class ServingRuleTests
{
    [Fact]
    public void Choose_TheBestValidationValueAmongTheRepeatsThatDidNotCollapse()
    {
        // Issue 19's exp5: repeats 2-4 collapsed; the median validation ROC AUC picked repeat 3.
        (int, EvaluationResult)[] repeats =
        [
            (1, Result(0.18, rocAuc: 0.86)),
            (2, Result(0.02, rocAuc: 0.50, collapsed: true)),
            (3, Result(0.03, rocAuc: 0.51, collapsed: true)),
            (4, Result(0.02, rocAuc: 0.50, collapsed: true)),
            (5, Result(0.19, rocAuc: 0.87)),
        ];

        Assert.Equal(5, ServingRule.Choose(repeats, PrimaryMetric.PrAuc));
        Assert.Equal(5, ServingRule.Choose(repeats, PrimaryMetric.RocAuc));
    }

    [Fact]
    public void Choose_ACollapsedRepeatWithABetterFigure_DoesNotServe()
    {
        (int, EvaluationResult)[] repeats = [(1, Result(0.10)), (2, Result(0.50, collapsed: true))];

        Assert.Equal(1, ServingRule.Choose(repeats, PrimaryMetric.PrAuc));
    }

    [Fact]
    public void Choose_EveryRepeatCollapsed_TheBestOfThem_TiesToTheLowerRepeat()
    {
        (int, EvaluationResult)[] repeats = [(3, Result(0.02, collapsed: true)), (1, Result(0.05, collapsed: true)), (2, Result(0.05, collapsed: true))];

        Assert.Equal(1, ServingRule.Choose(repeats, PrimaryMetric.PrAuc));
    }

    [Fact]
    public void Choose_NeverLooksAtTest()
    {
        (int, EvaluationResult)[] repeats = [(1, Result(0.10, testPrAuc: 0.9)), (2, Result(0.20, testPrAuc: 0.1))];

        Assert.Equal(2, ServingRule.Choose(repeats, PrimaryMetric.PrAuc));
    }

    [Fact]
    public void ValidationValue_WithoutValidationMetrics_IsNaN_AndRanksLast()
    {
        var old = Result(0.9) with { Valid = null };

        Assert.True(double.IsNaN(ServingRule.ValidationValue(old, PrimaryMetric.PrAuc)));
        Assert.Equal(2, ServingRule.Choose([(1, old), (2, Result(0.1))], PrimaryMetric.PrAuc));
    }

    internal static EvaluationResult Result(double validPrAuc, double rocAuc = 0.8, bool collapsed = false, double testPrAuc = 0.1)
    {
        var confusion = new ConfusionMatrix(90, 5, 5, 0);
        var test = new ClassificationMetrics(0.5, confusion, 0.9, 0.5, 0.5, 0.5, 0.8, testPrAuc);
        return new EvaluationResult("exp", "best", test, 0.9, 0.9)
        {
            ValidRocAuc = rocAuc,
            Valid = test with { PrAuc = validPrAuc, RocAuc = rocAuc },
            Collapsed = collapsed,
        };
    }
}
