using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Prepare;
using Streetcar.Prepare.Encode;

namespace Streetcar.Boosting.Tests;

/// <summary>The real split (data/prepare.yml over the shared workbooks, seed 42), built once per test class.</summary>
public sealed class RealSplitFixture
{
    public RealSplitFixture()
    {
        var config = PrepareStage.ReadConfig(Path.Combine(RepoPaths.Root, "data", "prepare.yml"));
        var grid = PrepareStage.BuildGrid(config, PrepareStage.WorkbooksIn(RepoPaths.DataSource));
        Splits = PrepareStage.Split(grid, new SplitConfig(), seed: 42);
        Encoders = grid.Encoders;
    }

    public DatasetSplits Splits { get; }

    public IReadOnlyList<ColumnEncoder> Encoders { get; }
}

/// <summary>
/// The managed scorer against ML.NET on real rows: gbm's options fitted on every tenth training row, every fifth row
/// of the test split scored both ways (the whole split, through ML.NET, would take half a minute; the opt-in
/// <see cref="RealSplitMeasurementTests"/> compares all three splits of the full fit).
/// </summary>
public sealed class RealSplitSampleTests(RealSplitFixture data) : IClassFixture<RealSplitFixture>
{
    [Fact]
    public void Predict_ASampleOfTheRealTestSplit_IsMlNetsProbabilityBitForBit()
    {
        var model = GradientBoosting.Train(Every(data.Splits.Train, 10), data.Encoders, new GradientBoostingOptions());
        var test = Every(data.Splits.Test, 5);

        var managed = model.Predict(test);
        var mlNet = model.PredictWithMlNet(test);

        Assert.Equal(100, model.Info.Trees);
        Assert.True(test.Rows > 100_000, $"{test.Rows} rows");
        var differing = Enumerable.Range(0, test.Rows).Where(r => BitConverter.SingleToInt32Bits(managed[r]) != BitConverter.SingleToInt32Bits(mlNet[r])).ToArray();
        Assert.True(differing.Length == 0, $"{differing.Length} of {test.Rows} probabilities differ, first at row {differing.FirstOrDefault()}");
    }

    /// <summary>Rows 0, step, 2 step, … of <paramref name="split"/>.</summary>
    private static EncodedSplit Every(EncodedSplit split, int step)
    {
        var rows = Enumerable.Range(0, (split.Rows + step - 1) / step).Select(i => i * step).ToArray();
        return split with
        {
            Codes = split.Codes.Select(column => rows.Select(r => column[r]).ToArray()).ToArray(),
            Labels = rows.Select(r => split.Labels[r]).ToArray(),
        };
    }
}
