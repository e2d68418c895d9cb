using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Evaluate.Thresholds;

namespace Streetcar.Evaluate.Tests.Thresholds;

public sealed class ThresholdRuleTests
{
    public static TheoryData<ThresholdRule, string, string> BadRules => new()
    {
        { ThresholdRule.Fixed(0), "threshold", "must be in (0, 1), got 0" },
        { ThresholdRule.Fixed(1), "threshold", "must be in (0, 1), got 1" },
        { ThresholdRule.TargetRecall(0), "threshold.value", "target recall must be in (0, 1], got 0" },
        { ThresholdRule.TargetRecall(1.01), "threshold.value", "target recall must be in (0, 1], got 1.01" },
        { ThresholdRule.TargetRecall(double.NaN), "threshold.value", "target recall must be in (0, 1], got NaN" },
        { new ThresholdRule(ThresholdChoice.TargetRecall), "threshold.value", "target recall must be in (0, 1], got nothing" },
        { new ThresholdRule(ThresholdChoice.MaxF1, 0.5), "threshold.value", "'max_f1' takes no value, got 0.5" },
        { new ThresholdRule((ThresholdChoice)9), "threshold.choose", "'9' is not allowed; allowed: target_recall | max_f1 | youden" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public void Validate_BadRule_NamesFileKeyAndProblem(ThresholdRule rule, string key, string problem)
    {
        var e = Assert.Throws<ConfigException>(() => rule.Validate("experiments/exp6.yml"));

        Assert.Equal($"experiments/exp6.yml: '{key}': {problem}", e.Message);
    }

    [Fact]
    public void Choose_InvalidRule_IsRejectedBeforeLookingAtScores() =>
        Assert.Throws<ArgumentException>(() => ThresholdSelection.Choose(ThresholdRule.TargetRecall(2), [1], [0.5f]));

    [Fact]
    public void ToString_IsTheCanonicalText()
    {
        Assert.Equal("0.5", ThresholdRule.Fixed(0.5).ToString());
        Assert.Equal("target_recall 0.85", ThresholdRule.TargetRecall(0.85).ToString());
        Assert.Equal("max_f1", ThresholdRule.MaxF1.ToString());
        Assert.Equal("youden", ThresholdRule.Youden.ToString());
    }
}
