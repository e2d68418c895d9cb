using Streetcar.Core.Cache;
using Streetcar.Pipeline.Planning;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Tests;

public sealed class PlannerTests
{
    private static readonly StageGraph Graph = FakeStage.Chain();

    private static PlanTarget Target(string name, int epochs = 20, double learningRate = 0.001, string goal = "score") =>
        new(new StageRun(name, name, FakeStage.Config(name, epochs, learningRate)), Graph, goal, new Dictionary<string, CacheKey> { ["root"] = FakeStage.Root });

    private static IReadOnlyDictionary<string, CacheKey> KeysOf(PlanTarget target) => target.Graph.Keys(target.Run.Config, target.Roots);

    private static PlanOptions Forcing(params string[] stages) => new(stages.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void GivenAnEmptyCache_WhenPlanned_ThenEveryStageIsAJob_DependenciesFirst()
    {
        var plan = Planner.Plan([Target("a")], new FakeProbe(), PlanOptions.Default);

        Assert.Equal(["shared", "model", "score"], plan.Jobs.Select(j => j.Stage));
        Assert.Empty(plan.Jobs[0].DependsOn);
        Assert.Equal([plan.Jobs[0].Id], plan.Jobs[1].DependsOn);
        Assert.Equal([plan.Jobs[1].Id], plan.Jobs[2].DependsOn);
        Assert.Equal(plan.Jobs[0].Key, plan.Jobs[1].InputKeys["shared"]);
        Assert.Equal(FakeStage.Root.ToFullString(), plan.Jobs[0].InputKeys["prepared"]);
        Assert.Equal(plan.Jobs.Select(j => j.Id), plan.Runs[0].Jobs);
    }

    [Fact]
    public void TheDerivedKeys_HoldExactlyTheConfigKeysEachStageReadsAndTheInputsKeys()
    {
        var keys = KeysOf(Target("a"));
        var threshold = Target("a") with { Run = new StageRun("a", "a", FakeStage.Config("a") with { Threshold = Core.Config.ThresholdRule.Fixed(0.3) }) };
        var learningRate = Target("a", learningRate: 0.01);

        Assert.Equal(CacheKeyBuilder.For("shared", 1).Param("learning_rate", 0.001).Input("prepared", FakeStage.Root).Build(), keys["shared"]);
        Assert.Equal(keys["shared"], KeysOf(threshold)["shared"]);
        Assert.NotEqual(keys["score"], KeysOf(threshold)["score"]);
        Assert.Equal(keys["shared"], KeysOf(Target("a", epochs: 5))["shared"]);
        Assert.NotEqual(keys["model"], KeysOf(Target("a", epochs: 5))["model"]);
        Assert.All(new[] { "shared", "model", "score" }, stage => Assert.NotEqual(keys[stage], KeysOf(learningRate)[stage]));
    }

    [Fact]
    public void GivenEverythingCached_WhenPlanned_ThenNothingRuns_AndThePrunedIntermediateIsNotEvenAskedFor()
    {
        var keys = KeysOf(Target("a"));
        var probe = new FakeProbe(keys["model"], keys["score"]);

        var plan = Planner.Plan([Target("a")], probe, PlanOptions.Default);

        Assert.Empty(plan.Jobs);
        Assert.Equal(["model", "score"], plan.Runs[0].Cached.Select(s => s.Name));
        Assert.DoesNotContain(probe.Asked, a => a.Stage == "shared");
    }

    [Fact]
    public void GivenTheModelMissing_WhenPlannedForTheScore_ThenTheModelIsRebuiltButTheCachedScoreIsNot()
    {
        // A damaged entry is one the probe does not find: the model reads the intermediate, so it is built too.
        var keys = KeysOf(Target("a"));

        var plan = Planner.Plan([Target("a")], new FakeProbe(keys["score"]), PlanOptions.Default);

        Assert.Equal(["shared", "model"], plan.Jobs.Select(j => j.Stage));
    }

    [Fact]
    public void GivenACachedIntermediate_WhenTheModelIsMissing_ThenOnlyTheModelRuns_WithNoDependency()
    {
        var keys = KeysOf(Target("a"));

        var plan = Planner.Plan([Target("a", goal: "model")], new FakeProbe(keys["shared"]), PlanOptions.Default);

        var model = Assert.Single(plan.Jobs);
        Assert.Equal("model", model.Stage);
        Assert.Empty(model.DependsOn);
        Assert.Equal(keys["shared"].ToFullString(), model.InputKeys["shared"]);
    }

    [Fact]
    public void GivenAForcedStage_WhenCached_ThenItRunsForced_AndTheOthersStayCached()
    {
        var keys = KeysOf(Target("a"));

        var plan = Planner.Plan([Target("a")], new FakeProbe(keys["shared"], keys["model"], keys["score"]), Forcing("score"));

        var score = Assert.Single(plan.Jobs);
        Assert.Equal("score", score.Stage);
        Assert.True(JobPayload.From(score.Payload).Force);
    }

    [Fact]
    public void GivenRunsThatDifferOnlyDownstream_WhenPlanned_ThenTheyShareOneIntermediateJob_ProbedWithBoth()
    {
        var probe = new FakeProbe();

        var plan = Planner.Plan([Target("a", epochs: 10), Target("b", epochs: 30), Target("c", learningRate: 0.01)], probe, PlanOptions.Default);

        var shared = plan.Jobs.Where(j => j.Stage == "shared").ToArray();
        Assert.Equal(2, shared.Length);
        Assert.Equal(["a", "b"], shared[0].Experiments);
        Assert.Equal("shared a, b", shared[0].Label);
        Assert.Equal(["a", "b"], JobPayload.From(shared[0].Payload).Runs.Select(r => r.Label));
        Assert.Contains(probe.Asked, a => a.Stage == "shared" && a.Runs == 2);
        Assert.Equal(["shared", "shared", "model", "score", "model", "score", "model", "score"], plan.Jobs.Select(j => j.Stage));
        Assert.All(plan.Jobs.Where(j => j.Stage == "model" && j.Experiments.Contains("b")), j => Assert.Equal([shared[0].Id], j.DependsOn));
        Assert.Equal(plan.Jobs.Count, plan.Jobs.Select(j => j.Id).Distinct().Count());
    }

    [Fact]
    public void GivenSharingOff_WhenPlanned_ThenEachRunHasItsOwnIntermediate_UnderAPrivateKey_AndTheSameDownstreamKeys()
    {
        var shared = Planner.Plan([Target("a", epochs: 10), Target("b", epochs: 30)], new FakeProbe(), PlanOptions.Default);
        var unshared = Planner.Plan([Target("a", epochs: 10), Target("b", epochs: 30)], new FakeProbe(), PlanOptions.Default with { Sharing = false });

        var own = unshared.Jobs.Where(j => j.Stage == "shared").ToArray();
        Assert.Equal(2, own.Length);
        Assert.DoesNotContain(own, j => j.Key == shared.Jobs[0].Key);
        Assert.Equal(shared.Jobs.Where(j => j.Stage != "shared").Select(j => j.Key), unshared.Jobs.Where(j => j.Stage != "shared").Select(j => j.Key));
        Assert.Equal(own[1].Key, unshared.Jobs.Single(j => j.Stage == "model" && j.Experiments.Contains("b")).InputKeys["shared"]);
    }

    [Fact]
    public void GivenTwoRunsWithOneKey_WhenPlanned_ThenTheEntryIsBuiltByOneJobServingBoth()
    {
        // Names are not semantic: two experiments of one config have one model key.
        var plan = Planner.Plan([Target("a"), Target("b")], new FakeProbe(), PlanOptions.Default);

        Assert.Equal(["shared", "model", "score"], plan.Jobs.Select(j => j.Stage));
        Assert.Equal(["a", "b"], plan.Jobs[1].Experiments);
        Assert.Equal(plan.Runs[0].Jobs, plan.Runs[1].Jobs);
    }

    [Fact]
    public void AGraphWhoseInputNamesNoEarlierStageNorRoot_IsRefused()
    {
        var orphan = new FakeStage("orphan", [new("x", "nowhere")], []);

        var error = Assert.Throws<InvalidOperationException>(() => new StageGraph([orphan], ["root"]));
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }
}
