using System.Globalization;
using Streetcar.Boosting;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Json;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Models.Boosting;

/// <summary><c>model: gradient_boosting</c>: one LightGBM fit on the split, no trajectory (boosting has no epochs to share).</summary>
public sealed class BoostingKind : IModelKind
{
    public static BoostingStep Train { get; } = new();

    public ModelKind Kind => ModelKind.GradientBoosting;

    public IReadOnlyList<IStage> Stages { get; } = [Train];

    public int Threads(ExperimentConfig config) => config.GradientBoosting.Threads;

    public int Budget(ExperimentConfig config) => config.GradientBoosting.Iterations;

    public string Changes(ExperimentConfig config)
    {
        var b = config.GradientBoosting;
        return $"gradient boosting (LightGBM): {b.NumLeaves} leaves, {b.Iterations} iterations, learning rate {b.LearningRate.ToString(CultureInfo.InvariantCulture)}, {ConfigEnum.Name(b.PositiveWeighting)} weighting";
    }

    public bool Holds(string folder) => BoostingModelFolderLayout.IsBoosting(folder);

    public ModelPredictor Load(string folder) => new(BoostingModelFolder.Load(folder).Predict, "final", null);

    public TrainedModel Read(CacheEntry entry)
    {
        var info = StableJson.Read<BoostingInfo>(entry.PathOf(BoostingModelFolderLayout.Info));
        var validation = StableJson.Read<BoostingValidation>(entry.PathOf(BoostingStep.ValidationFile));
        return new TrainedModel(info.Trees, info.Trees, "final", null, validation.ValidLoss, []);
    }
}
