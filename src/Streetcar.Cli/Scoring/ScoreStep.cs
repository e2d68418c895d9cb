using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Calibration;
using Streetcar.Report.Model;
using Streetcar.Score;
using SanityCases = Streetcar.Score.Sanity.SanityTrips;

namespace Streetcar.Cli.Scoring;

/// <summary>Finds an experiment's trained model in the stage cache, and scores the report's sanity trips with it.</summary>
public static class ScoreStep
{
    /// <summary>
    /// The cached model folder of <paramref name="experiment"/> (same keys as Train and Evaluate). A model that is
    /// not cached is an error naming the command that trains it: scoring never trains.
    /// </summary>
    public static CacheEntry ModelOf(PipelineContext ctx, string experiment)
    {
        var run = PipelineRun.Start(ctx, [experiment]);
        if (run.InvalidExperiments.TryGetValue(experiment, out var error))
        {
            throw new PipelineException($"experiment {experiment}: {error}");
        }
        return ModelOf(ctx, run.Experiments[0], run.ReportConfig.PrimaryMetric);
    }

    /// <summary>The serving model of the experiment named <paramref name="experiment"/>, its threshold (<see cref="ThresholdOf"/>) and
    /// its calibration (<see cref="CalibrationOf"/>).</summary>
    public static (CacheEntry Model, double Threshold, Calibrator? Calibration) ServingModelOf(PipelineContext ctx, string experiment)
    {
        var run = PipelineRun.Start(ctx, [experiment]);
        if (run.InvalidExperiments.TryGetValue(experiment, out var error))
        {
            throw new PipelineException($"experiment {experiment}: {error}");
        }
        var metric = run.ReportConfig.PrimaryMetric;
        return (ModelOf(ctx, run.Experiments[0], metric), ThresholdOf(ctx, run.Experiments[0], metric), CalibrationOf(ctx, run.Experiments[0], metric));
    }

    /// <summary>
    /// The map from the raw score to a chance of a delay that the serving repeat's evaluation fitted on validation;
    /// null when that evaluation is not cached or predates calibration (scoring never evaluates).
    /// </summary>
    public static Calibrator? CalibrationOf(PipelineContext ctx, Experiment experiment, PrimaryMetric metric) =>
        ServingRepeat.Of(ctx, experiment, metric)?.Run is { } serving && ctx.Cache.TryOpen(serving.EvaluateKey, out var entry)
            ? StableJson.Read<EvaluationResult>(entry.PathOf(EvaluateStep.MetricsFile)).Calibration?.Calibrator
            : null;

    /// <summary>
    /// The cached model folder of <paramref name="experiment"/>'s serving repeat (<see cref="ServingRepeat"/>); see
    /// <see cref="ModelOf(PipelineContext, string)"/>.
    /// </summary>
    public static CacheEntry ModelOf(PipelineContext ctx, Experiment experiment, PrimaryMetric metric)
    {
        if (ServingRepeat.Of(ctx, experiment, metric) is { } serving)
        {
            return serving.Model;
        }
        var which = (ExperimentRun r) => experiment.Runs.Count > 1 ? $", repeat {r.Repeat} of {experiment.Runs.Count}" : "";
        if (experiment.Runs.FirstOrDefault(r => !ctx.Cache.TryOpen(r.TrainKey, out _)) is { } untrained)
        {
            throw new PipelineException(
                $"{experiment.Name} has no trained model in the cache ({untrained.TrainKey}{which(untrained)}); train it first: " +
                $"`streetcar train --experiment {experiment.Name}` (or ./build.sh --target=Train --experiment={experiment.Name})");
        }
        var unevaluated = experiment.Runs.First(r => !ctx.Cache.TryOpen(r.EvaluateKey, out _));
        throw new PipelineException(
            $"{experiment.Name} is not evaluated in the cache ({unevaluated.EvaluateKey}{which(unevaluated)}), and the serving repeat is chosen on " +
            $"validation: `streetcar evaluate --experiment {experiment.Name}` (or ./build.sh --target=Evaluate --experiment={experiment.Name})");
    }

    /// <summary>
    /// The decision threshold <paramref name="experiment"/> scores with: its fixed <c>threshold</c>, or the one its
    /// rule chose on validation, read from the serving repeat's cached evaluation (scoring never evaluates).
    /// </summary>
    public static double ThresholdOf(PipelineContext ctx, Experiment experiment, PrimaryMetric metric)
    {
        if (experiment.Config.Threshold is { Choice: ThresholdChoice.Fixed, Value: { } fixedValue })
        {
            return fixedValue;
        }
        if (ServingRepeat.Of(ctx, experiment, metric)?.Run is { } serving && ctx.Cache.TryOpen(serving.EvaluateKey, out var entry))
        {
            return StableJson.Read<EvaluationResult>(entry.PathOf(EvaluateStep.MetricsFile)).Test.Threshold;
        }
        throw new PipelineException(
            $"{experiment.Name} chooses its threshold on validation ({experiment.Config.Threshold}) and is not evaluated in the cache; evaluate it first: " +
            $"`streetcar evaluate --experiment {experiment.Name}`");
    }

    /// <summary>Every repeat's cached evaluation of <paramref name="experiment"/>; null when one is missing.</summary>
    private static IReadOnlyList<EvaluationResult>? Evaluations(PipelineContext ctx, Experiment experiment)
    {
        var results = new List<EvaluationResult>();
        foreach (var run in experiment.Runs)
        {
            if (!ctx.Cache.TryOpen(run.EvaluateKey, out var entry))
            {
                return null;
            }
            results.Add(StableJson.Read<EvaluationResult>(entry.PathOf(EvaluateStep.MetricsFile)));
        }
        return results;
    }

    /// <summary>The report's rows for <see cref="SanityCases.All"/> scored by <paramref name="scorer"/> (the model of <paramref name="experiment"/>).</summary>
    public static IReadOnlyList<SanityTrip> SanityTrips(Scorer scorer, string experiment) =>
        SanityCases.Score(scorer)
            .Select(s => new SanityTrip(s.Case.Description, experiment, s.Score.Probability, s.Score.PredictedDelay))
            .ToArray();

    /// <summary>
    /// The report's scoring sanity check: the chosen experiment of <paramref name="run"/> (see
    /// <see cref="ChosenExperiment"/>, judged on the cached evaluations) scores <see cref="SanityCases.All"/>.
    /// Empty, with a note, when that experiment has no cached model or cannot encode the trips.
    /// </summary>
    public static IReadOnlyList<SanityTrip> SanityTrips(PipelineContext ctx, PipelineRun run)
    {
        // As ChosenExperiment.FromResults: the first on validation among the random-split experiments.
        var metric = run.ReportConfig.PrimaryMetric;
        var evaluated = run.Experiments
            .Where(e => e.Config.Split.ByTime is null)
            .Select(e => (e.Name, Repeats: Evaluations(ctx, e)))
            .Where(e => e.Repeats is not null)
            .Select(e => (e.Name, e.Repeats!));
        var name = ChosenExperiment.Choose(evaluated, metric);
        var experiment = run.Experiments.FirstOrDefault(e => e.Name == name);
        try
        {
            if (experiment is null)
            {
                throw new PipelineException($"experiment {name} is not among the valid experiments");
            }
            using var scorer = Scorer.Load(ModelOf(ctx, experiment, metric).Folder, threshold: ThresholdOf(ctx, experiment, metric));
            return SanityTrips(scorer, name);
        }
        catch (PipelineException e)
        {
            ctx.Console.Info($"report: no scoring sanity check ({e.Message})");
            return [];
        }
    }
}
