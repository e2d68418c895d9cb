using Streetcar.Core.Config;
using Streetcar.Train.Model;
using Streetcar.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Model;

/// <summary>The managed step computes what autograd computes for the fused model, batch statistics and dropout included.</summary>
public sealed class FusedTrainingStepTests
{
    private const int Rows = 61;
    private const int BatchSize = 20;

    // Small enough that no row crosses a hard_sigmoid or clip boundary by float rounding: at 0.05 rows saturate in
    // and out, and one row flipped by a last-bit difference of summation order moves every later step.
    private const double LearningRate = 0.02;

    private static FusedModel Model(Activation activation, double dropout)
    {
        torch.random.manual_seed(5);
        var model = new FusedModel(new ModelArchitecture(["a", "b", "c"], [3, 5, 4], 10, [], activation, dropout, ModelForm.Fused));
        // Move γ, β and the moving statistics away from their initial values.
        using (no_grad())
        {
            foreach (var (_, tensor) in model.state_dict())
            {
                tensor.add_(rand_like(tensor).sub_(0.5).mul_(0.2));
            }
        }
        model.Dropout.Reseed(9);
        return model;
    }

    [Theory]
    [InlineData(Activation.HardSigmoid, 0.2)]
    [InlineData(Activation.Sigmoid, 0.2)]
    [InlineData(Activation.HardSigmoid, 0.0)]
    public void Steps_MatchAutogradAndPlainSgd_WeightsMovingStatisticsAndLoss(Activation activation, double dropout)
    {
        torch.set_num_threads(1); // as training does; an earlier test may have left 2
        torch.random.manual_seed(8);
        var codes = stack([randint(0, 3, Rows), randint(0, 5, Rows), randint(0, 4, Rows)], 1);
        var labels = rand(Rows, 1).gt(0.7).to_type(ScalarType.Float32);
        var weights = labels.mul(2).add(1);
        // Three full batches and one of a single row (Keras' zero-variance case), in a shuffled order, twice over.
        var order = Enumerable.Range(0, Rows).Select(i => (i * 37) % Rows).ToArray();

        var reference = Model(activation, dropout);
        reference.train();
        var sgd = new PlainSgd(reference.parameters(), LearningRate);
        var inputs = reference.IndexInput(codes);
        var expectedLosses = new List<double>();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var start = 0; start < Rows; start += BatchSize)
            {
                using var rows = tensor(order.Skip(start).Take(BatchSize).Select(i => (long)i).ToArray());
                var size = rows.shape[0];
                var loss = KerasBinaryCrossEntropy.WeightedSum(reference.forward(inputs.index_select(0, rows)),
                    labels.index_select(0, rows), weights.index_select(0, rows).div(size));
                loss.backward();
                sgd.Step();
                expectedLosses.Add(loss.item<float>() * size);
            }
        }

        var managed = Model(activation, dropout);
        managed.train();
        var step = new FusedTrainingStep(managed);
        var inputValues = managed.IndexInput(codes).data<long>().ToArray().Select(v => (int)v).ToArray();
        var labelValues = labels.data<float>().ToArray();
        var weightValues = weights.data<float>().ToArray();
        var losses = new List<double>();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var start = 0; start < Rows; start += BatchSize)
            {
                var batch = order.Skip(start).Take(BatchSize).ToArray();
                losses.Add(step.Step(batch.SelectMany(r => inputValues.Skip(r * 3).Take(3)).ToArray(), batch.Select(r => labelValues[r]).ToArray(),
                    batch.Select(r => weightValues[r]).ToArray(), LearningRate).WeightedLoss);
            }
        }
        step.Push();

        var before = Model(activation, dropout).state_dict();
        var expected = reference.state_dict();
        foreach (var (name, actual) in managed.state_dict())
        {
            var difference = actual.sub(expected[name]).abs().max().item<float>();
            Assert.True(difference < 1e-5, $"{name}: max difference {difference}");
            Assert.True(actual.sub(before[name]).abs().max().item<float>() > 1e-4, $"{name}: training changed nothing");
        }
        Assert.Equal(expectedLosses.Count, losses.Count);
        for (var i = 0; i < losses.Count; i++)
        {
            Assert.True(Math.Abs(expectedLosses[i] - losses[i]) <= 1e-5 * Math.Abs(expectedLosses[i]), $"batch {i}: loss {losses[i]}, autograd {expectedLosses[i]}");
        }
    }

    [Fact]
    public void Supports_OnlyTheFusedFormWithoutHiddenLayers()
    {
        var architecture = new ModelArchitecture(["a", "b"], [3, 4], 10, [], Activation.HardSigmoid, 0.1, ModelForm.Fused);
        Assert.True(FusedTrainingStep.Supports(new FusedModel(architecture)));
        Assert.False(FusedTrainingStep.Supports(new FusedModel(architecture with { HiddenLayers = [4] })));
        Assert.False(FusedTrainingStep.Supports(new PerColumnModel(architecture with { Form = ModelForm.PerColumn })));
    }
}
