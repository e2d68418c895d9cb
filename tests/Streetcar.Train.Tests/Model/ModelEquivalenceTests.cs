using Streetcar.Core.Config;
using Streetcar.Train.Model;
using Streetcar.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Model;

public sealed class ModelEquivalenceTests
{
    private static readonly ModelArchitecture Architecture = new(
        ["a", "b", "c"], [3, 5, 4], 10, [6], Activation.Sigmoid, 0.2, ModelForm.PerColumn);

    private static (PerColumnModel PerColumn, FusedModel Fused, Tensor Codes, Tensor Labels) Pair(Activation activation = Activation.Sigmoid)
    {
        torch.random.manual_seed(3);
        var perColumn = new PerColumnModel(Architecture with { Activation = activation });
        var codes = stack([randint(0, 3, 64), randint(0, 5, 64), randint(0, 4, 64)], 1);
        var labels = rand(64, 1).gt(0.7).to_type(ScalarType.Float32);
        // Move batch-norm statistics, gammas and betas away from their initial values.
        using (no_grad())
        {
            perColumn.train();
            perColumn.forward(perColumn.IndexInput(codes));
            foreach (var p in perColumn.parameters())
            {
                p.add_(rand_like(p).sub_(0.5).mul_(0.2));
            }
        }
        var fused = ModelConverter.ToFused(perColumn);
        perColumn.Dropout.Reseed(9);
        fused.Dropout.Reseed(9);
        return (perColumn, fused, codes, labels);
    }

    [Fact]
    public void ToFused_InferenceMode_SameOutputs()
    {
        var (perColumn, fused, codes, _) = Pair();
        perColumn.eval();
        fused.eval();
        AssertClose(perColumn.forward(perColumn.IndexInput(codes)), fused.forward(fused.IndexInput(codes)));
    }

    [Fact]
    public void ToFused_TrainingMode_SameOutputsIncludingDropoutAndBatchStatistics()
    {
        var (perColumn, fused, codes, _) = Pair();
        perColumn.train();
        fused.train();
        var a = perColumn.forward(perColumn.IndexInput(codes));
        var b = fused.forward(fused.IndexInput(codes));
        AssertClose(a, b);
        // Batch statistics in training mode differ from the moving ones: the comparison is not vacuous.
        perColumn.eval();
        Assert.True(perColumn.forward(perColumn.IndexInput(codes)).sub(a).abs().max().item<float>() > 1e-4);
    }

    [Theory]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.HardSigmoid)]
    public void ToFused_SameSgdSteps_SameFunctionAfterwards(Activation activation)
    {
        var (perColumn, fused, codes, labels) = Pair(activation);
        var weights = full(64, 1, 1.0 / 64);
        perColumn.eval();
        var initial = perColumn.forward(perColumn.IndexInput(codes));
        foreach (var model in new StreetcarModel[] { perColumn, fused })
        {
            var sgd = new PlainSgd(model.parameters(), 0.5);
            var inputs = model.IndexInput(codes);
            model.train();
            for (var step = 0; step < 5; step++)
            {
                KerasBinaryCrossEntropy.WeightedSum(model, inputs, labels, weights).backward();
                sgd.Step();
            }
        }
        Assert.True(perColumn.EmbeddingOf(1).weight!.sub(fused.Embedding.weight!.narrow(0, 3, 5)).abs().max().item<float>() < 1e-5);
        perColumn.eval();
        fused.eval();
        var a = perColumn.forward(perColumn.IndexInput(codes));
        AssertClose(a, fused.forward(fused.IndexInput(codes)));
        Assert.True(a.sub(initial).abs().max().item<float>() > 1e-3, "training changed nothing");
    }

    [Fact]
    public void Fused_ParameterCountMatchesPerColumn()
    {
        var (perColumn, fused, _, _) = Pair();
        Assert.Equal(perColumn.parameters().Sum(p => p.numel()), fused.parameters().Sum(p => p.numel()));
        Assert.Equal(12 * 10 + 2 * 30 + 30 * 6 + 6 + 6 + 1, fused.parameters().Sum(p => p.numel()));
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = expected.sub(actual).abs().max().item<float>();
        Assert.True(difference < 1e-5, $"max difference {difference}");
    }
}
