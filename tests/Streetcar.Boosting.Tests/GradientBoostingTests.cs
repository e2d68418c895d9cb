using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Boosting.Tests;

public sealed class GradientBoostingTests
{
    [Fact]
    public void Train_Twice_GivesBitIdenticalPredictions()
    {
        var first = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options).Predict(BoostingData.Valid);
        var second = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options).Predict(BoostingData.Valid);

        Assert.Equal(BoostingData.Valid.Rows, first.Length);
        Assert.Equal(Bits(first), Bits(second));
    }

    [Fact]
    public void Train_PlantedSignal_RanksValidationRowsWell()
    {
        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options);
        var probabilities = model.Predict(BoostingData.Valid);

        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.True(RankingMetrics.RocAuc(BoostingData.Valid.Labels, probabilities) > 0.8);
    }

    [Fact]
    public void Train_SplitsOnSetsOfCategories()
    {
        var info = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options).Info;

        Assert.Equal(BoostingData.Options.Iterations, info.Trees);
        Assert.True(info.Splits > 0);
        Assert.True(info.CategoricalSplits == info.Splits, $"{info.CategoricalSplits} of {info.Splits} splits are categorical");
    }

    [Fact]
    public void Train_RecordsThePackageVersion_NotMlNetsFixedAssemblyVersion()
    {
        var version = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options).Info.MlNetVersion;

        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        Assert.NotEqual("1.0.0", version);
    }

    [Fact]
    public void Train_AnotherLeafCount_ChangesPredictions()
    {
        // Guards the determinism test above against options that never reach LightGBM.
        var baseline = Bits(GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options).Predict(BoostingData.Valid));
        var moreLeaves = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options with { NumLeaves = 4 }).Predict(BoostingData.Valid);

        Assert.NotEqual(baseline, Bits(moreLeaves));
    }

    [Fact]
    public void Train_Balanced_WeighsPositivesByTheClassRatio_AndNoneByOne()
    {
        var split = BoostingData.Train;
        var balanced = GradientBoosting.Train(split, BoostingData.Encoders, BoostingData.Options);
        var none = GradientBoosting.Train(split, BoostingData.Encoders, BoostingData.Options with { PositiveWeighting = PositiveWeighting.None });

        Assert.Equal((double)(split.Rows - split.Positives) / split.Positives, balanced.Info.PositiveWeight, 12);
        Assert.Equal(1.0, none.Info.PositiveWeight);
        Assert.Equal((split.Rows, split.Positives), (balanced.Info.TrainRows, balanced.Info.TrainPositives));
        // Weighting positives up moves every probability up: the mean prediction is far above the delay rate.
        var (b, n) = (balanced.Predict(BoostingData.Valid).Average(), none.Predict(BoostingData.Valid).Average());
        Assert.True(b > n + 0.1, $"balanced {b}, none {n}");
    }

    [Fact]
    public void Train_NoPositiveRows_IsAPipelineError()
    {
        var split = BoostingData.Train with { Labels = new byte[BoostingData.Train.Rows] };

        var e = Assert.Throws<PipelineException>(() => GradientBoosting.Train(split, BoostingData.Encoders, BoostingData.Options));
        Assert.Contains("0 positive", e.Message);
    }

    [Fact]
    public void Train_BadOptions_IsAConfigErrorBeforeFitting()
    {
        var e = Assert.Throws<ConfigException>(() =>
            GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options with { NumLeaves = 1 }));
        Assert.Equal("gradient_boosting.num_leaves", e.Key);
        Assert.Equal(3, e.ExitCode);
    }

    [Fact]
    public void Predict_CodeOutsideTheEncoder_IsAPipelineError()
    {
        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options);
        var codes = BoostingData.Valid.Codes.Select(c => (int[])c.Clone()).ToArray();
        codes[2][5] = BoostingData.Encoders[2].Cardinality;

        var e = Assert.Throws<PipelineException>(() => model.Predict(BoostingData.Valid with { Codes = codes }));
        Assert.Contains("row 5: hour code 24", e.Message);
    }

    [Fact]
    public void Predict_ColumnsInAnotherOrder_IsAPipelineError()
    {
        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options);
        var swapped = BoostingData.Valid with { Columns = FeatureColumns.All.Reverse().ToArray() };

        Assert.Throws<PipelineException>(() => model.Predict(swapped));
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
