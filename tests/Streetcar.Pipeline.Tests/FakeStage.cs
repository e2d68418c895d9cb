using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Tests;

/// <summary>A stage that writes one file naming its key, so the planner and executors run without any real stage.</summary>
internal sealed class FakeStage(string name, StageInput[] inputs, string[] configKeys, bool intermediate = false) : Stage
{
    public override string Name => name;

    public override int Version => 1;

    public override IReadOnlyList<string> ConfigKeys => configKeys;

    public override IReadOnlyList<StageInput> Inputs => inputs;

    public override string Summary => $"fake {name}";

    public override bool Intermediate => intermediate;

    protected override void Produce(StageJob job, string folder) => File.WriteAllText(Path.Combine(folder, "out.txt"), job.Spec.Key);

    /// <summary>root → shared (intermediate, reads learning_rate) → model (every key) → score (threshold): the network's shape.</summary>
    public static StageGraph Chain()
    {
        var shared = new FakeStage("shared", [new("prepared", "root")], ["learning_rate"], intermediate: true);
        var model = new FakeStage("model", [new("shared", "shared"), new("prepared", "root")], [StageConfigKeys.EveryKey]);
        var score = new FakeStage("score", [new("model", "model")], ["threshold"]);
        return new StageGraph([shared, model, score], ["root"]);
    }

    public static CacheKey Root { get; } = CacheKeyBuilder.For("root", 1).Param("data", "fake").Build();

    public static ExperimentConfig Config(string name, int epochs = 20, double learningRate = 0.001) =>
        new() { Name = name, Epochs = epochs, LearningRate = learningRate };
}
