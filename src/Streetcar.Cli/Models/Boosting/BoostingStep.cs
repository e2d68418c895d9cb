using Streetcar.Boosting;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Json;
using Streetcar.Evaluate.Metrics;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Models.Boosting;

/// <summary>
/// Train for a <c>model: gradient_boosting</c> run: one LightGBM fit on the training split, cached as a train
/// entry holding a self-contained <see cref="BoostingModelFolder"/>. It also records the model's validation loss,
/// which the serving-repeat rule reads as it reads a network's kept epoch. It reads only the boosting options
/// (their seed derived per repeat), never the threshold, so a new threshold rule re-evaluates without refitting.
/// </summary>
public sealed class BoostingStep : Stage
{
    /// <summary>The validation facts beside the model (<see cref="BoostingValidation"/>).</summary>
    public const string ValidationFile = "validation.json";

    /// <summary>Same cache folder (and --force) as the network's model folder: evaluate reads either.</summary>
    public override string Name => "train";

    public override string Id => "train-gradient-boosting";

    public override int Version => GradientBoosting.Version;

    public override IReadOnlyList<string> ConfigKeys { get; } = ["gradient_boosting", "model"];

    public override IReadOnlyList<StageInput> Inputs { get; } = [new("prepared", "split")];

    public override string Summary => "for model: gradient_boosting, instead of trajectory + train: self-contained boosting model folder (LightGBM model, encoders, options, fit facts)";

    public override int Threads(ExperimentConfig config) => config.GradientBoosting.Threads;

    protected override void Produce(StageJob job, string folder) => StageTiming.Measure(folder, () =>
    {
        var run = job.Runs[0];
        var prepared = job.HostAs<StageHost>().Prepared(job.Inputs["prepared"]);
        var options = run.Config.GradientBoosting;
        job.Progress($"train {run.Label}: gradient boosting, {options.NumLeaves} leaves × {options.Iterations} iterations, seed {options.Seed}");
        var model = GradientBoosting.Train(prepared.Read(PreparedLayout.Train), prepared.Encoders(), options);
        BoostingModelFolder.Save(folder, model);
        var valid = prepared.Read(PreparedLayout.Valid);
        var loss = WeightedLogLoss.Compute(valid.Labels, model.Predict(valid), 1, 1);
        StableJson.Write(Path.Combine(folder, ValidationFile), new BoostingValidation(loss));
        job.Progress($"train {run.Label}: {model.Info.Trees} trees, validation loss {loss:F4} ({job.Key})");
    });
}
