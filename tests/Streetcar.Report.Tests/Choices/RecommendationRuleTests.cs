using Streetcar.Core.Config;
using Streetcar.Evaluate;
using Streetcar.Report.Model;

namespace Streetcar.Report.Tests.Choices;

public sealed class RecommendationRuleTests
{
    [Fact]
    public void Rank_ByValidationMeanOverRepeats_CollapsedRepeatsIncluded_NamesWhatCannotBeRanked()
    {
        (string, IReadOnlyList<EvaluationResult>)[] experiments =
        [
            // exp5: best single repeat on validation, but collapses in one of two.
            ("exp5", [ServingRuleTests.Result(0.30), ServingRuleTests.Result(0.02, collapsed: true)]),
            ("exp7", [ServingRuleTests.Result(0.19), ServingRuleTests.Result(0.20)]),
            ("old", [ServingRuleTests.Result(0.5) with { Valid = null }]),
        ];

        var (ranked, missing) = RecommendationRule.Rank(experiments, PrimaryMetric.PrAuc);

        Assert.Equal(["exp7", "exp5"], ranked.Select(r => r.Name));
        Assert.Equal(0.195, ranked[0].ValidMean, 12);
        Assert.Equal(0.16, ranked[1].ValidMean, 12);
        Assert.Equal(["old"], missing);
    }
}
