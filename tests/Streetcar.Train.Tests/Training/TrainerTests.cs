using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Tests.Training;

public sealed class TrainerTests
{
    [Theory]
    [InlineData(ModelForm.Fused)]
    [InlineData(ModelForm.PerColumn)]
    public void Fit_AbsurdLearningRate_FailsWithTheDivergenceMessageNamingTheEpoch(ModelForm form)
    {
        TorchRuntime.Pin(1, 1);
        var architecture = new ModelArchitecture(TestData.Train().Columns.ToArray(), Streetcar.Train.Benchmarks.SyntheticData.RealCardinalities.ToArray(),
            10, [], Activation.HardSigmoid, 0.0003, form);
        using var model = StreetcarModel.Create(architecture);
        using var train = TensorSplit.From(TestData.Train(rows: 3000), model, new ClassWeights(1, 49));
        using var valid = TensorSplit.From(TestData.Valid(rows: 500), model, new ClassWeights(1, 1));

        var error = Assert.Throws<PipelineException>(() =>
            Trainer.Fit(model, train, valid, new TrainingOptions("t", 3, 500, 1e30, 1, 1, 1), []));

        Assert.Matches(@"^training diverged: the model's output is NaN in epoch 1, batch \d+ \(is learning_rate too high\?\)$", error.Message);
    }
}
