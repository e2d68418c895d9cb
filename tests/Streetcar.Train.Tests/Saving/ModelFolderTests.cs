using Streetcar.Train.Model;
using Streetcar.Train.Saving;

namespace Streetcar.Train.Tests.Saving;

public sealed class ModelFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(ModelForm.Fused)]
    [InlineData(ModelForm.PerColumn)]
    public void Load_GivesIdenticalPredictions_WithoutTrainingData(ModelForm form)
    {
        var valid = TestData.Valid();
        var config = TestData.Config() with { HiddenLayers = [4] };
        using var result = TrainStage.Run(TestData.Input(config, _temp.Sub("m")) with { Form = form });
        var before = TrainStage.Predict(result.Model, valid);

        using var loaded = ModelFolder.Load(_temp.Sub("m"));

        Assert.Equal(before, TrainStage.Predict(loaded.Model, valid));
        Assert.Equal(form, loaded.Model.Architecture.Form);
        Assert.Equal(TestData.Encoders.Select(e => e.Values.Count), loaded.Encoders.Select(e => e.Cardinality));
        Assert.Equal([4], loaded.Config.HiddenLayers);
        Assert.Equal(result.History.Epochs, loaded.History.Epochs);
        Assert.Contains(before, p => p != before[0]);
    }

    [Fact]
    public void Load_NotAModelFolder_IsPipelineError()
    {
        Assert.Throws<Streetcar.Core.Errors.PipelineException>(() => ModelFolder.Load(_temp.Path));
    }
}
