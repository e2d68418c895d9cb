using Streetcar.Cli.Models;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Json;
using Streetcar.Evaluate.Metrics;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Sweeps;

/// <summary>
/// Validate: the run's kept model (of any kind) scored on the validation split only. A sweep ranks its points by
/// it, so that choosing among many points never reads the test split; only the chosen point is evaluated. Its key
/// holds no config key: the figures depend on the model and the split alone.
/// </summary>
public sealed class ValidateStep : Stage
{
    public const string FiguresFile = "validation.json";

    public override string Name => "validate";

    public override int Version => 1;

    public override IReadOnlyList<string> ConfigKeys { get; } = [];

    public override IReadOnlyList<StageInput> Inputs { get; } = [new("model", "train"), new("prepared", "split")];

    public override string Summary => "for sweeps: the kept model's figures on the validation split only (PR AUC, ROC AUC, accuracy, loss)";

    public override int Threads(ExperimentConfig config) => ModelKinds.Of(config).Threads(config);

    protected override void Produce(StageJob job, string folder)
    {
        var model = job.Inputs["model"];
        var data = job.HostAs<StageHost>().Prepared(job.Inputs["prepared"]);
        using var predictor = ModelKinds.OfFolder(model.Folder).Load(model.Folder);
        var split = data.Read(PreparedLayout.Valid);
        job.Cancel.ThrowIfCancellationRequested();
        var figures = Compute(split.Labels, predictor.Predict(split), job.Runs[0].Config.OutputActivation);
        StableJson.Write(Path.Combine(folder, FiguresFile), figures);
        job.Progress($"validate {job.Runs[0].Label}: validation PR AUC {figures.PrAuc:F4}, ROC AUC {figures.RocAuc:F4}");
    }

    /// <summary>
    /// The figures of <paramref name="scores"/> against <paramref name="labels"/>; the loss in the form Keras uses for
    /// <paramref name="activation"/> (a boosting config keeps the default hard_sigmoid: probabilities, clipped).
    /// </summary>
    public static ValidationFigures Compute(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores, Activation activation)
    {
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label;
        }
        return new ValidationFigures(labels.Length, positives,
            RankingMetrics.AveragePrecision(labels, scores),
            RankingMetrics.RocAuc(labels, scores),
            ClassificationMetrics.Compute(labels, scores, 0.5).Accuracy,
            WeightedLogLoss.Compute(labels, scores, 1, 1, activation));
    }

    /// <summary>The figures of a cached validate entry.</summary>
    public static ValidationFigures Read(Core.Cache.CacheEntry entry) => StableJson.Read<ValidationFigures>(entry.PathOf(FiguresFile));
}
