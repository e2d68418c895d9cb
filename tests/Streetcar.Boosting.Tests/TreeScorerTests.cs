using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Benchmarks;

namespace Streetcar.Boosting.Tests;

/// <summary>The managed scorer against ML.NET's own prediction, and the fit against ML.NET's whole pipeline.</summary>
public sealed class TreeScorerTests : IDisposable
{
    private static readonly GradientBoostingOptions Options31 = new() { NumLeaves = 31, Iterations = 40, MinDataInLeaf = 10 };

    private readonly string _root = Directory.CreateTempSubdirectory("boosting-scorer").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void Predict_EveryRowOfASmallSplit_IsMlNetsProbabilityBitForBit()
    {
        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, Options31);

        Assert.Equal(Bits(model.PredictWithMlNet(BoostingData.Valid)), Bits(model.Predict(BoostingData.Valid)));
    }

    [Fact]
    public void Predict_EveryCodeOfEveryColumn_IsMlNetsProbabilityBitForBit()
    {
        // Each column's highest code lights no indicator slot (FeatureSlots): every code must still score as ML.NET does.
        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, Options31);
        var split = EveryCode();

        Assert.Equal(Bits(model.PredictWithMlNet(split)), Bits(model.Predict(split)));
    }

    [Fact]
    public void Predict_TreesOfMoreThan64Leaves_WalkedNodeByNode_IsMlNetsProbabilityBitForBit()
    {
        // Enough rows that LightGBM's categorical splits (at least 100 rows a side) can make 100 leaves.
        var train = SyntheticData.Generate("train", 100_000, SyntheticData.RealCardinalities, 0.2, 11, 14);
        var model = GradientBoosting.Train(train, BoostingData.Encoders, new GradientBoostingOptions { NumLeaves = 100, Iterations = 3, MinDataInLeaf = 2 });
        var leaves = TreeScorer.Parameters(model.Transformer).Trees.TrainedTreeEnsemble.Trees.Max(t => t.NumberOfLeaves);

        Assert.True(leaves > 64, $"the largest tree has {leaves} leaves: the walked path is not exercised");
        Assert.Equal(Bits(model.PredictWithMlNet(BoostingData.Valid)), Bits(model.Predict(BoostingData.Valid)));
    }

    [Fact]
    public void Predict_UnweightedModel_IsMlNetsProbabilityBitForBit()
    {
        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, Options31 with { PositiveWeighting = PositiveWeighting.None });

        Assert.Equal(Bits(model.PredictWithMlNet(BoostingData.Valid)), Bits(model.Predict(BoostingData.Valid)));
    }

    [Fact]
    public void Train_FitsTheTreesOfMlNetsWholePipeline_BitForBit()
    {
        // Version 1 of the fit: the key-column view, key-to-indicator and concatenation in front of the trainer.
        var options = Options31;
        var (ml, reference) = FullPipeline(BoostingData.Train, options);

        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, options);

        var expected = reference.Transform(SplitDataView.Create(ml, BoostingData.Valid, BoostingData.Encoders)).GetColumn<float>("Probability").ToArray();
        Assert.Equal(Bits(expected), Bits(model.PredictWithMlNet(BoostingData.Valid)));
        Assert.Equal(Bits(expected), Bits(model.Predict(BoostingData.Valid)));
    }

    [Fact]
    public void Load_AModelFolderOfTheWholePipeline_ScoresAsMlNet()
    {
        // A folder written before the fit read FeatureVectorView: score and evaluate must still load and score it.
        var (ml, reference) = FullPipeline(BoostingData.Train, Options31);
        var fitted = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, Options31);
        var folder = Path.Combine(_root, "v1");
        BoostingModelFolder.Save(folder, new BoostedModel(ml, reference, BoostingData.Encoders, Options31, fitted.Info));

        var loaded = BoostingModelFolder.Load(folder);

        var expected = reference.Transform(SplitDataView.Create(ml, BoostingData.Valid, BoostingData.Encoders)).GetColumn<float>("Probability").ToArray();
        Assert.Equal(Bits(expected), Bits(loaded.Predict(BoostingData.Valid)));
    }

    [Fact]
    public void FeatureSlots_GiveTheVectorsOfKeyToIndicator()
    {
        var ml = new MLContext(1);
        var split = EveryCode();
        var columns = BoostingData.Encoders.Select(e => e.Column).ToArray();
        var indicators = columns.Select(c => new InputOutputColumnPair($"{c}_indicator", c)).ToArray();
        var view = SplitDataView.Create(ml, split, BoostingData.Encoders);
        var vectors = ml.Transforms.Conversion.MapKeyToVector(indicators)
            .Append(ml.Transforms.Concatenate("Features", indicators.Select(p => p.OutputColumnName).ToArray()))
            .Fit(view).Transform(view);

        var expected = vectors.GetColumn<float[]>("Features").Select(Indices).ToArray();
        var actual = new FeatureVectorView(split, BoostingData.Encoders).GetColumn<float[]>(FeatureVectorView.Features).Select(Indices).ToArray();

        Assert.Equal(expected, actual);
        // The quirk FeatureSlots documents: code k lights slot k + 1 of its column, the highest code none.
        var slots = new FeatureSlots(BoostingData.Encoders);
        Assert.Equal(slots.Offset(2) + 1, slots.Slot(2, 0));
        Assert.Equal(-1, slots.Slot(2, BoostingData.Encoders[2].Cardinality - 1));
    }

    /// <summary>A split whose row r holds code r mod cardinality in every column (every code of every column at least once).</summary>
    private static EncodedSplit EveryCode()
    {
        var cardinalities = SyntheticData.RealCardinalities;
        var rows = cardinalities.Max() * 3;
        var codes = cardinalities.Select((n, c) => Enumerable.Range(0, rows).Select(r => (r + c) % n).ToArray()).ToArray();
        return new EncodedSplit("every-code", FeatureColumns.All, codes, new byte[rows]);
    }

    /// <summary>The pipeline version 1 fitted: the key-column view through indicators and concatenation into the trainer.</summary>
    private static (MLContext Ml, ITransformer Transformer) FullPipeline(EncodedSplit train, GradientBoostingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var data = SplitDataView.Create(ml, train, BoostingData.Encoders);
        var columns = BoostingData.Encoders.Select(e => e.Column).ToArray();
        var indicators = columns.Select(c => new InputOutputColumnPair($"{c}_indicator", c)).ToArray();
        var negatives = train.Rows - train.Positives;
        var pipeline = ml.Transforms.Conversion.MapKeyToVector(indicators)
            .Append(ml.Transforms.Concatenate("Features", indicators.Select(p => p.OutputColumnName).ToArray()))
            .Append(ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = SplitDataView.Label,
                FeatureColumnName = "Features",
                NumberOfLeaves = options.NumLeaves,
                NumberOfIterations = options.Iterations,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinDataInLeaf,
                Seed = options.Seed,
                NumberOfThreads = options.Threads,
                UseCategoricalSplit = true,
                WeightOfPositiveExamples = options.PositiveWeighting == PositiveWeighting.Balanced ? (double)negatives / train.Positives : 1.0,
                Verbose = false,
                Silent = true,
            }));
        return (ml, pipeline.Fit(data));
    }

    private static int[] Indices(float[] dense) => Enumerable.Range(0, dense.Length).Where(i => dense[i] != 0).ToArray();

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
