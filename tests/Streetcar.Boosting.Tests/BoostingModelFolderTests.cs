using Microsoft.ML;
using Streetcar.Core.Errors;

namespace Streetcar.Boosting.Tests;

public sealed class BoostingModelFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("boosting-folder").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void SaveThenLoad_PredictsBitIdentically_WithEverythingSavedBeside()
    {
        var model = GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options);
        var folder = Path.Combine(_root, "model");
        BoostingModelFolder.Save(folder, model);

        var loaded = BoostingModelFolder.Load(folder);

        Assert.Equal(Bits(model.Predict(BoostingData.Valid)), Bits(loaded.Predict(BoostingData.Valid)));
        Assert.Equal(model.Options, loaded.Options);
        Assert.Equal(model.Info with { Columns = [] }, loaded.Info with { Columns = [] });
        Assert.Equal(model.Info.Columns, loaded.Info.Columns);
        Assert.Equal(model.Encoders.Select(e => (e.Column, string.Join(",", e.Values))), loaded.Encoders.Select(e => (e.Column, string.Join(",", e.Values))));
    }

    [Fact]
    public void Save_TwoFitsOfTheSameData_WriteByteIdenticalFolders()
    {
        var a = Path.Combine(_root, "a");
        var b = Path.Combine(_root, "b");
        BoostingModelFolder.Save(a, GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options));
        // Entries are stamped with the wall clock by ML.NET: a later save must not differ.
        Thread.Sleep(2_100);
        BoostingModelFolder.Save(b, GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options));

        var files = Directory.GetFiles(a).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [BoostingModelFolderLayout.Encoders, BoostingModelFolderLayout.Info, BoostingModelFolderLayout.Kind, BoostingModelFolderLayout.Model, BoostingModelFolderLayout.Options],
            files);
        Assert.True(BoostingModelFolderLayout.IsBoosting(a));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
    }

    [Fact]
    public void Load_FolderWithoutModel_IsAPipelineError()
    {
        var e = Assert.Throws<PipelineException>(() => BoostingModelFolder.Load(_root));
        Assert.Contains("not a boosting model folder", e.Message);
    }

    [Fact]
    public void Load_CorruptOptions_IsAPipelineError()
    {
        var folder = Path.Combine(_root, "model");
        BoostingModelFolder.Save(folder, GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options));
        File.WriteAllText(Path.Combine(folder, BoostingModelFolderLayout.Options), "{ not json");

        var e = Assert.Throws<PipelineException>(() => BoostingModelFolder.Load(folder));
        Assert.Contains("unreadable boosting model folder", e.Message);
    }

    [Fact]
    public void Load_AModelZipThatIsNotLightGbm_IsAPipelineError()
    {
        var folder = Path.Combine(_root, "model");
        BoostingModelFolder.Save(folder, GradientBoosting.Train(BoostingData.Train, BoostingData.Encoders, BoostingData.Options));
        var ml = new MLContext(1);
        var empty = SplitDataView.Empty(ml, BoostingData.Encoders);
        var notTrees = ml.Transforms.Conversion.MapKeyToVector("route_indicator", "route").Fit(empty);
        using (var stream = File.Create(Path.Combine(folder, BoostingModelFolderLayout.Model)))
        {
            ml.Model.Save(notTrees, empty.Schema, stream);
        }

        var e = Assert.Throws<PipelineException>(() => BoostingModelFolder.Load(folder));
        Assert.Contains("unreadable boosting model folder", e.Message);
        Assert.Contains("not a LightGBM binary model", e.Message);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
