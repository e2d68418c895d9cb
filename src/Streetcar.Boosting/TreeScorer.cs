using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Streetcar.Core.Data;

namespace Streetcar.Boosting;

/// <summary>
/// Scores a split with the trees of a fitted LightGBM model in managed code, straight from the split's code
/// columns: no data view, no indicator vectors, no per-row calls. Bit for bit what ML.NET's prediction gives:
/// the same trees (<see cref="CompiledTree"/>), their outputs added in tree order into a double starting at 0 (as
/// <c>InternalTreeEnsemble.GetOutput</c>), the sum rounded to float (the score column), then ML.NET's Platt
/// calibrator, <c>(float)(1 / (1 + exp(slope * score + offset)))</c>.
/// </summary>
internal sealed class TreeScorer
{
    /// <summary>Rows scored together: each tree runs over a block whose codes, masks and sums stay in L1.</summary>
    private const int BlockRows = 1024;

    private readonly CompiledTree[] _trees;
    private readonly double _slope;
    private readonly double _offset;

    private TreeScorer(CompiledTree[] trees, double slope, double offset)
    {
        _trees = trees;
        _slope = slope;
        _offset = offset;
    }

    /// <summary>The scorer of <paramref name="transformer"/> (a fitted or loaded boosting pipeline) over
    /// <paramref name="encoders"/>' columns.</summary>
    public static TreeScorer From(ITransformer transformer, IReadOnlyList<ColumnEncoder> encoders)
    {
        var (trees, calibrator) = Parameters(transformer);
        var slots = new FeatureSlots(encoders);
        return new TreeScorer(trees.TrainedTreeEnsemble.Trees.Select(t => CompiledTree.From(t, slots)).ToArray(), calibrator.Slope, calibrator.Offset);
    }

    /// <summary>The LightGBM trees and the calibrator of the pipeline's last step.</summary>
    public static (LightGbmBinaryModelParameters Trees, PlattCalibrator Calibrator) Parameters(ITransformer transformer)
    {
        var last = transformer is IEnumerable<ITransformer> chain ? chain.LastOrDefault() : transformer;
        return last is BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> prediction
            ? (prediction.Model.SubModel, prediction.Model.Calibrator)
            : throw new InvalidOperationException($"not a LightGBM binary model with a Platt calibrator (last step: {last?.GetType().Name ?? "none"})");
    }

    /// <summary>P(delay) of every row of <paramref name="split"/> (already checked against the encoders).</summary>
    public float[] Predict(EncodedSplit split)
    {
        var rows = split.Rows;
        var probabilities = new float[rows];
        var sums = new double[BlockRows];
        var masks = new ulong[BlockRows];
        for (var start = 0; start < rows; start += BlockRows)
        {
            var count = Math.Min(BlockRows, rows - start);
            var sum = sums.AsSpan(0, count);
            sum.Clear();
            foreach (var tree in _trees)
            {
                if (tree.IsEmpty)
                {
                    for (var r = 0; r < count; r++)
                    {
                        sum[r] += 0.0;
                    }
                }
                else if (tree.Nodes.Length == 0)
                {
                    AddMasked(tree, split.Codes, start, sum, masks.AsSpan(0, count));
                }
                else
                {
                    AddWalked(tree, split.Codes, start, sum);
                }
            }
            for (var r = 0; r < count; r++)
            {
                probabilities[start + r] = Calibrate((float)sum[r]);
            }
        }
        return probabilities;
    }

    /// <summary>ML.NET's <c>PlattCalibrator.PredictProbability</c>, operation for operation.</summary>
    private float Calibrate(float score) =>
        float.IsNaN(score) ? score : (float)(1.0 / (1.0 + Math.Exp((_slope * score) + _offset)));

    private static void AddMasked(CompiledTree tree, int[][] codes, int start, Span<double> sum, Span<ulong> masks)
    {
        masks.Fill(ulong.MaxValue);
        for (var j = 0; j < tree.Columns.Length; j++)
        {
            var table = tree.Masks[j];
            var column = codes[tree.Columns[j]].AsSpan(start, masks.Length);
            for (var r = 0; r < masks.Length; r++)
            {
                masks[r] &= table[column[r]];
            }
        }
        var leaves = tree.LeafValues;
        for (var r = 0; r < masks.Length; r++)
        {
            sum[r] += leaves[BitOperations.TrailingZeroCount(masks[r])];
        }
    }

    private static void AddWalked(CompiledTree tree, int[][] codes, int start, Span<double> sum)
    {
        var nodes = tree.Nodes;
        for (var r = 0; r < sum.Length; r++)
        {
            var node = 0;
            while (node >= 0)
            {
                var n = nodes[node];
                node = n.GoesRight[codes[n.Column][start + r]] ? n.Right : n.Left;
            }
            sum[r] += tree.LeafValues[~node];
        }
    }
}
