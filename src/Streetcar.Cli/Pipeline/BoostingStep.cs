using Streetcar.Boosting;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Json;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Train for a <c>model: gradient_boosting</c> run: one LightGBM fit on the training split, cached as a train
/// entry holding a self-contained <see cref="BoostingModelFolder"/> (no trajectory: boosting has no epochs to
/// share). It also records the model's validation loss, which the serving-repeat rule reads as it reads a
/// network's kept epoch.
/// </summary>
public static class BoostingStep
{
    /// <summary>The validation facts beside the model (<see cref="BoostingValidation"/>).</summary>
    public const string ValidationFile = "validation.json";

    /// <summary>The run's boosting model folder, fitted now unless cached.</summary>
    public static CacheEntry Ensure(PipelineContext ctx, ExperimentRun run, PreparedData prepared, bool force)
    {
        var info = new CacheEntryInfo(run.Label, run.Config.Description);
        return ctx.Cache.GetOrCreate(run.TrainKey, info, folder => StageTiming.Measure(folder, () =>
        {
            var options = run.Config.GradientBoosting;
            ctx.Console.Info($"train {run.Label}: gradient boosting, {options.NumLeaves} leaves × {options.Iterations} iterations, seed {options.Seed}");
            var model = GradientBoosting.Train(prepared.Read(PreparedLayout.Train), prepared.Encoders(), options);
            BoostingModelFolder.Save(folder, model);
            var valid = prepared.Read(PreparedLayout.Valid);
            // LightGBM outputs probabilities: the clipped probability form (Keras' hard_sigmoid path).
            var loss = WeightedLogLoss.Compute(valid.Labels, model.Predict(valid), 1, 1, Activation.HardSigmoid);
            StableJson.Write(Path.Combine(folder, ValidationFile), new BoostingValidation(loss));
            ctx.Console.Info($"train {run.Label}: {model.Info.Trees} trees, validation loss {loss:F4} ({run.TrainKey})");
        }), force);
    }
}
