using Streetcar.Evaluate.Collapse;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Evaluate.Tests.Collapse;

public sealed class CollapseRuleTests
{
    [Fact]
    public void Reason_WorkingModel_IsNull() =>
        Assert.Null(CollapseRule.Reason(0.85, new ConfusionMatrix(900, 80, 5, 15)));

    [Fact]
    public void Reason_ChanceRanking_NamesTheAuc()
    {
        var reason = CollapseRule.Reason(0.5085, new ConfusionMatrix(900, 80, 5, 15));

        Assert.Equal("validation ROC AUC 0.5085 < 0.55", reason);
    }

    [Fact]
    public void Reason_UndefinedAuc_IsCollapsed() =>
        Assert.NotNull(CollapseRule.Reason(double.NaN, new ConfusionMatrix(900, 80, 5, 15)));

    [Fact]
    public void Reason_OneClassForAlmostEveryRow_IsCollapsed()
    {
        // 9990 of 10000 rows predicted "no delay": exactly the 99.9 % limit.
        var reason = CollapseRule.Reason(0.8, new ConfusionMatrix(9790, 5, 200, 5));

        Assert.Equal("predicts no delay for 99.90 % of validation rows (≥ 99.9 %) at the kept threshold", reason);
    }

    [Fact]
    public void Reason_JustBelowTheOneClassLimit_Works() =>
        Assert.Null(CollapseRule.Reason(0.8, new ConfusionMatrix(9789, 6, 200, 5)));
}
