using System.Text.Json.Nodes;
using Streetcar.Cli.Models;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Planning;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>
/// The keys the engine derives from the stage graph are the keys the hand-wired engine built, byte for byte, for
/// every experiment in experiments/ and each of its repeats: so the committed results/ and every existing cache stay
/// valid. The oracle is the old wiring written out with literal names, versions and config keys, independent of
/// the stage declarations it checks. One change is on purpose: <c>l2_lambda</c>, which no stage reads, left the
/// trajectory key (issue 18) together with the Keras loss's new trajectory version, which retrains every trajectory anyway.
/// </summary>
public sealed class DerivedKeysTests
{
    private static readonly CacheKey Grid = CacheKeyBuilder.For("grid", Prepare.PrepareStage.Version).Param("prepare", "any").Build();

    private static readonly string[] TrajectoryKeys =
        ["batch_size", "dropout_rate", "hidden_layers", "learning_rate", "loss", "one_weight_offset",
         "output_activation", "seeds.shuffle", "seeds.torch", "threads", "weighting", "zero_weight"];

    public static TheoryData<string> Experiments => new(Experiment.Names(new Workspace(RepoPaths.Root)));

    [Theory]
    [MemberData(nameof(Experiments))]
    public void TheDerivedKeys_EqualTheHandBuiltOnes(string name)
    {
        var loaded = Experiment.Load(new Workspace(RepoPaths.Root), [name], Grid).Single();
        var experiment = loaded.Experiment ?? throw new InvalidOperationException(loaded.Error);
        Assert.NotEmpty(experiment.Runs);
        foreach (var run in experiment.Runs)
        {
            var c = run.Config;
            var split = Old("split", Prepare.PrepareStage.Version, c, ["seeds.split", "split"]).Input("grid", Grid).Build();
            var shape = Old("trajectory", Train.Trajectories.TrajectoryStage.Version, c, TrajectoryKeys).Input("prepared", split).Build();
            var train = c.Model == ModelKind.GradientBoosting
                ? Old("train", Boosting.GradientBoosting.Version, c, ["gradient_boosting", "model"]).Input("prepared", split).Build()
                : Old("train", Train.TrainStage.Version, c, ["*"]).Input("trajectory", shape).Input("prepared", split).Build();
            var evaluate = Old("evaluate", Evaluate.EvaluateStage.Version, c, ["threshold"]).Input("model", train).Input("prepared", split).Build();

            Assert.Equal(split, run.SplitKey);
            Assert.Equal(train, run.TrainKey);
            Assert.Equal(evaluate, run.EvaluateKey);
            if (c.Model == ModelKind.Network)
            {
                Assert.Equal(shape, run.TrajectoryShape);
                // --no-sharing: the private trajectory each run trained under the old engine.
                var target = new PlanTarget(run.AsStageRun, ModelKinds.GraphOf(c), "train", new Dictionary<string, CacheKey> { ["grid"] = Grid });
                var plan = Planner.Plan([target], new NothingCached(), PlanOptions.Default with { Sharing = false });
                var unshared = CacheKeyBuilder.For("trajectory", Train.Trajectories.TrajectoryStage.Version).Input("shape", shape).Param("unshared", run.Label).Build();
                Assert.Equal(unshared.ToFullString(), plan.Jobs.Single(j => j.Stage == "trajectory").Key);
            }
        }
    }

    /// <summary>The old <c>StageDefinition.Key</c>: the stage, its version, and each config key from the canonical config.</summary>
    private static CacheKeyBuilder Old(string stage, int version, ExperimentConfig config, string[] keys)
    {
        var builder = CacheKeyBuilder.For(stage, version);
        var canonical = JsonNode.Parse(ExperimentConfigJson.Canonical(config))!;
        foreach (var key in keys)
        {
            builder.Param(key, key == "*" ? canonical : key.Split('.').Aggregate((JsonNode?)canonical, (node, part) => node![part])?.DeepClone());
        }
        return builder;
    }

    private sealed class NothingCached : IEntryProbe
    {
        public bool IsCached(Streetcar.Pipeline.Stages.IStage stage, CacheKey key, IReadOnlyList<ExperimentConfig> runs) => false;
    }
}
