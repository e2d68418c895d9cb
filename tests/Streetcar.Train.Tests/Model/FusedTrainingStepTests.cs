using Streetcar.Core.Config;
using Streetcar.Train.Model;
using Streetcar.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Streetcar.Train.Tests.Model;

/// <summary>
/// The managed step computes what autograd computes for the fused model, batch statistics, dropout and hidden
/// layers included, and its validation pass what the model computes in inference mode.
/// </summary>
public sealed class FusedTrainingStepTests
{
    private const int Rows = 61;
    private const int BatchSize = 20;

    // Small enough that no row crosses a hard_sigmoid or clip boundary by float rounding: at 0.05 rows saturate in
    // and out, and one row flipped by a last-bit difference of summation order moves every later step.
    private const double LearningRate = 0.02;

    // Three columns (30 features, padded to 32), or seven like the real data (70, padded to 72).
    private static readonly string[] ThreeColumns = ["a", "b", "c"];
    private static readonly int[] ThreeCardinalities = [3, 5, 4];
    private static readonly string[] SevenColumns = ["a", "b", "c", "d", "e", "f", "g"];
    private static readonly int[] SevenCardinalities = [3, 5, 4, 2, 6, 3, 4];

    private static FusedModel Model(Activation activation, double dropout, int[]? hidden = null, int columns = 3)
    {
        torch.random.manual_seed(5);
        var model = new FusedModel(new ModelArchitecture(columns == 3 ? ThreeColumns : SevenColumns, columns == 3 ? ThreeCardinalities : SevenCardinalities,
            10, hidden ?? [], activation, dropout, ModelForm.Fused));
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

    private static Tensor Codes(int columns)
    {
        var cardinalities = columns == 3 ? ThreeCardinalities : SevenCardinalities;
        return stack(cardinalities.Select(n => randint(0, n, Rows)).ToArray(), 1);
    }

    public static TheoryData<Activation, double, int[], int> Architectures => new()
    {
        { Activation.HardSigmoid, 0.2, [], 3 },
        { Activation.Sigmoid, 0.2, [], 3 },
        { Activation.HardSigmoid, 0.0, [], 3 },
        // exp7's head on the real width (70 → 64 → 32 → 1), both activations, with and without dropout.
        { Activation.Sigmoid, 0.0, [64, 32], 7 },
        { Activation.Sigmoid, 0.2, [64, 32], 7 },
        { Activation.HardSigmoid, 0.2, [64, 32], 7 },
        // Widths that are no multiple of 8 (padded units), one layer, three layers.
        { Activation.Sigmoid, 0.2, [5], 3 },
        { Activation.HardSigmoid, 0.0, [13], 3 },
        { Activation.Sigmoid, 0.1, [9, 3, 17], 3 },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Steps_MatchAutogradAndPlainSgd_WeightsMovingStatisticsAndLoss(Activation activation, double dropout, int[] hidden, int columns)
    {
        torch.set_num_threads(1); // as training does; an earlier test may have left 2
        torch.random.manual_seed(8);
        var codes = Codes(columns);
        var labels = rand(Rows, 1).gt(0.7).to_type(ScalarType.Float32);
        var weights = labels.mul(2).add(1);
        // Three full batches and one of a single row (Keras' zero-variance case), in a shuffled order, twice over.
        var order = Enumerable.Range(0, Rows).Select(i => (i * 37) % Rows).ToArray();

        var reference = Model(activation, dropout, hidden, columns);
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
                var loss = KerasBinaryCrossEntropy.WeightedSum(reference, inputs.index_select(0, rows),
                    labels.index_select(0, rows), weights.index_select(0, rows).div(size));
                loss.backward();
                sgd.Step();
                expectedLosses.Add(loss.item<float>() * size);
            }
        }

        var managed = Model(activation, dropout, hidden, columns);
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
                losses.Add(step.Step(batch.SelectMany(r => inputValues.Skip(r * columns).Take(columns)).ToArray(), batch.Select(r => labelValues[r]).ToArray(),
                    batch.Select(r => weightValues[r]).ToArray(), LearningRate).WeightedLoss);
            }
        }
        step.Push();

        var before = Model(activation, dropout, hidden, columns).state_dict();
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

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Predict_MatchesTheModelInInferenceMode_AndTheValidationFiguresMatch(Activation activation, double dropout, int[] hidden, int columns)
    {
        torch.set_num_threads(1);
        torch.random.manual_seed(3);
        var codes = Codes(columns);
        var labels = rand(Rows, 1).gt(0.7).to_type(ScalarType.Float32);
        var model = Model(activation, dropout, hidden, columns);
        var inputs = model.IndexInput(codes);
        // A few training steps first, so that the moving statistics and weights are a trained model's.
        model.train();
        var step = new FusedTrainingStep(model);
        var inputValues = inputs.data<long>().ToArray().Select(v => (int)v).ToArray();
        var labelValues = labels.data<float>().ToArray();
        step.Step(inputValues, labelValues, Enumerable.Repeat(1f, Rows).ToArray(), LearningRate);
        step.Push();

        var managed = new float[Rows];
        step.Predict(inputValues, managed);
        var expected = Trainer.Predict(model, inputs).reshape(-1).data<float>().ToArray();
        for (var r = 0; r < Rows; r++)
        {
            Assert.True(Math.Abs(managed[r] - expected[r]) < 1e-6, $"row {r}: {managed[r]}, model {expected[r]}");
        }
        var (loss, accuracy) = Trainer.ValidationFigures(managed, labelValues, activation);
        var (expectedLoss, expectedAccuracy) = Trainer.Evaluate(model, TensorSplitOf(codes, labels, model));
        Assert.True(Math.Abs(loss - expectedLoss) < 1e-6 * expectedLoss, $"loss {loss}, libtorch {expectedLoss}");
        Assert.Equal(expectedAccuracy, accuracy);
    }

    [Fact]
    public void Steps_TwiceFromTheSameModel_BitIdentical()
    {
        float[] Train()
        {
            torch.random.manual_seed(8);
            var codes = Codes(7);
            var model = Model(Activation.Sigmoid, 0.2, [64, 32], 7);
            model.train();
            var step = new FusedTrainingStep(model);
            var inputs = model.IndexInput(codes).data<long>().ToArray().Select(v => (int)v).ToArray();
            var labels = Enumerable.Range(0, Rows).Select(r => (r % 3 == 0) ? 1f : 0f).ToArray();
            for (var i = 0; i < 3; i++)
            {
                step.Step(inputs, labels, labels.Select(t => 1 + t).ToArray(), LearningRate);
            }
            var scores = new float[Rows];
            step.Predict(inputs, scores);
            step.Push();
            return [.. model.parameters().SelectMany(p => p.data<float>().ToArray()), .. scores];
        }
        var first = Train();
        Assert.Equal(first, Train());
    }

    [Fact]
    public void Supports_TheFusedFormWithOrWithoutHiddenLayers()
    {
        var architecture = new ModelArchitecture(["a", "b"], [3, 4], 10, [], Activation.HardSigmoid, 0.1, ModelForm.Fused);
        Assert.True(FusedTrainingStep.Supports(new FusedModel(architecture)));
        Assert.True(FusedTrainingStep.Supports(new FusedModel(architecture with { HiddenLayers = [4] })));
        Assert.False(FusedTrainingStep.Supports(new PerColumnModel(architecture with { Form = ModelForm.PerColumn })));
    }

    private static TensorSplit TensorSplitOf(Tensor codes, Tensor labels, StreetcarModel model)
    {
        var rows = (int)codes.shape[0];
        var columns = (int)codes.shape[1];
        var values = codes.data<long>().ToArray();
        var split = new Streetcar.Core.Data.EncodedSplit("valid", model.Architecture.Columns,
            Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Select(r => (int)values[(r * columns) + c]).ToArray()).ToArray(),
            labels.data<float>().ToArray().Select(v => (byte)v).ToArray());
        return TensorSplit.From(split, model, new ClassWeights(1.0, 1.0));
    }
}
