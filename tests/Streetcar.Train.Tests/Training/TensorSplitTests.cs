using Streetcar.Core.Config;
using Streetcar.Core.Randomness;
using Streetcar.Train.Benchmarks;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Tests.Training;

public sealed class TensorSplitTests
{
    /// <summary>
    /// The book's fused inputs (under 256 embedding rows) take the one-word-per-row copy; 300 rows in one column
    /// do not fit a byte and take the wide one. Both must give the tensors' own values in the shuffled order.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InOrder_GivesTheRowsOfTheOrder_WhetherTheRowsFitOneWordOrNot(bool wideCodes)
    {
        var cardinalities = wideCodes ? SyntheticData.RealCardinalities.Select((n, c) => c == 5 ? 300 : n).ToArray() : SyntheticData.RealCardinalities.ToArray();
        var split = SyntheticData.Generate("train", 500, cardinalities, 0.1, 1, 2);
        var architecture = new ModelArchitecture(split.Columns.ToArray(), cardinalities, 10, [], Activation.HardSigmoid, 0, ModelForm.Fused);
        using var model = new FusedModel(architecture);
        using var tensors = TensorSplit.From(split, model, new ClassWeights(1.0, 7.5));
        var order = new SplitMix64(3).Permutation(split.Rows);

        var (inputs, labels, weights) = tensors.InOrder(order);

        var allInputs = tensors.Inputs.data<long>().ToArray();
        var allLabels = tensors.Labels.data<float>().ToArray();
        var allWeights = tensors.Weights.data<float>().ToArray();
        var columns = split.Columns.Count;
        Assert.Equal(wideCodes, allInputs.Max() > 255);
        for (var i = 0; i < order.Length; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                Assert.Equal(allInputs[(order[i] * columns) + c], inputs[(i * columns) + c]);
            }
            Assert.Equal(allLabels[order[i]], labels[i]);
            Assert.Equal(allWeights[order[i]], weights[i]);
        }
    }
}
