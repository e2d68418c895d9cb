using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;

namespace Streetcar.Boosting;

/// <summary>
/// Fits ML.NET's LightGBM on an encoded training split: each feature becomes a categorical feature of LightGBM
/// (its codes as keys, expanded to indicator slots whose ranges LightGBM folds back into one categorical
/// feature), so the trees split on sets of routes, hours, … rather than on code order.
/// </summary>
public static class GradientBoosting
{
    /// <summary>Version of the fitting logic (data view, pipeline, trainer settings not in the options); part of
    /// every boosting Train cache key, so a change here retrains instead of reusing a stale model. 2: the trainer
    /// reads <see cref="FeatureVectorView"/> (the same trees; model.zip's copy of the training schema differs).</summary>
    public const int Version = 2;

    /// <summary>Name of the concatenated feature vector.</summary>
    private const string Features = FeatureVectorView.Features;

    /// <summary>The Microsoft.ML.LightGbm package version ("5.0.1"): its informational version without the
    /// commit suffix (the assembly version of ML.NET stays at 1.0.0.0 across releases).</summary>
    private static string PackageVersion()
    {
        var version = typeof(LightGbmBinaryTrainer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>
    /// Fits a model on <paramref name="train"/>. Deterministic: the same split, encoders and options give the
    /// same trees (seeded context and trainer, a fixed thread count). Throws a <see cref="ConfigException"/>
    /// for bad options and a <see cref="PipelineException"/> for a split it cannot learn from.
    /// </summary>
    public static BoostedModel Train(EncodedSplit train, IReadOnlyList<ColumnEncoder> encoders, GradientBoostingOptions options)
    {
        options.Validate("gradient boosting options", "gradient_boosting.");
        var positives = train.Positives;
        var negatives = train.Rows - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new PipelineException($"split '{train.Name}' has {positives} positive and {negatives} negative rows; boosting needs both classes");
        }
        var positiveWeight = options.PositiveWeighting == PositiveWeighting.Balanced ? (double)negatives / positives : 1.0;

        var ml = new MLContext(options.Seed);
        var columns = encoders.Select(e => e.Column).ToArray();
        var indicators = columns.Select(c => new InputOutputColumnPair($"{c}_indicator", c)).ToArray();
        // The saved pipeline starts from the key columns (what score and old model folders feed it); its first
        // two steps depend on the schema alone, so they are fitted on an empty view, and the trainer reads the
        // vectors they would make from the split's arrays directly (FeatureVectorView).
        var keysToFeatures = ml.Transforms.Conversion.MapKeyToVector(indicators)
            .Append(ml.Transforms.Concatenate(Features, indicators.Select(p => p.OutputColumnName).ToArray()))
            .Fit(SplitDataView.Empty(ml, encoders));
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = SplitDataView.Label,
            FeatureColumnName = Features,
            NumberOfLeaves = options.NumLeaves,
            NumberOfIterations = options.Iterations,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinDataInLeaf,
            Seed = options.Seed,
            NumberOfThreads = options.Threads,
            // Explicit: ML.NET turns categorical splits off below 50,000 rows, and small test splits must
            // train the same kind of model as the real one.
            UseCategoricalSplit = true,
            WeightOfPositiveExamples = positiveWeight,
            Verbose = false,
            Silent = true,
        });
        var fitted = trainer.Fit(new FeatureVectorView(train, encoders));
        var transformer = keysToFeatures.Append(fitted);
        var trees = fitted.Model.SubModel.TrainedTreeEnsemble.Trees;
        var info = new BoostingInfo(
            "lightgbm",
            PackageVersion(),
            columns,
            train.Rows,
            positives,
            positiveWeight,
            trees.Count,
            trees.Sum(t => t.NumberOfNodes),
            trees.Sum(t => t.CategoricalSplitFlags.Count(f => f)));
        return new BoostedModel(ml, transformer, encoders, options, info);
    }
}
