using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>
/// Managed copy of a <see cref="DenseHead"/> with hidden layers, for <see cref="FusedTrainingStep"/>: the ReLU
/// layers and the final Dense(1) forward over a batch of features, backward to the features, and the plain-SGD
/// update. The matrix products are <see cref="SmallGemm"/>'s, so every sum has one fixed order.
/// </summary>
/// <remarks>
/// Every width is padded to a multiple of 8 with zero weights and biases: a padded unit's output is relu(0) = 0
/// and its gradient is masked to 0, so the padding stays 0 through training and costs only its multiplications.
/// Batches are padded to a multiple of 4 rows; the caller zeroes the padded feature rows and their output
/// gradients, which keeps them out of every weight gradient.
/// </remarks>
internal sealed class DenseHeadStep
{
    private const int Lanes = SmallGemm.Lanes;

    private readonly DenseHead _head;
    private readonly int[] _realIn;
    private readonly int[] _realOut;
    private readonly int[] _in;
    private readonly int[] _out;
    private readonly float[][] _weightsT;
    private readonly float[][] _weights;
    private readonly float[][] _biases;
    private readonly float[][] _gradWeightsT;
    private readonly float[][] _gradBiases;
    private readonly float[] _output;
    private readonly float[] _gradOutput;
    private float _outputBias;
    private float _gradOutputBias;
    private float[][] _activations = [];
    private float[] _delta = [];
    private float[] _deltaBelow = [];

    /// <summary>Copies the parameters of <paramref name="head"/> in; its <paramref name="features"/> inputs arrive <paramref name="featureWidth"/> wide (padded).</summary>
    public DenseHeadStep(DenseHead head, int features, int featureWidth)
    {
        _head = head;
        var hidden = head.Hidden;
        var layers = hidden.Count;
        _realIn = new int[layers];
        _realOut = new int[layers];
        _in = new int[layers];
        _out = new int[layers];
        _weightsT = new float[layers][];
        _weights = new float[layers][];
        _biases = new float[layers][];
        _gradWeightsT = new float[layers][];
        _gradBiases = new float[layers][];
        var real = features;
        var padded = featureWidth;
        for (var l = 0; l < layers; l++)
        {
            var layer = hidden[l];
            _realIn[l] = real;
            _in[l] = padded;
            _realOut[l] = (int)layer.weight!.shape[0];
            _out[l] = Pad(_realOut[l]);
            _weightsT[l] = new float[_in[l] * _out[l]];
            _weights[l] = new float[_in[l] * _out[l]];
            _biases[l] = new float[_out[l]];
            _gradWeightsT[l] = new float[_in[l] * _out[l]];
            _gradBiases[l] = new float[_out[l]];
            // torch keeps [out, in]; the forward product wants [in, out].
            var weights = layer.weight!.data<float>().ToArray();
            for (var j = 0; j < _realOut[l]; j++)
            {
                for (var k = 0; k < real; k++)
                {
                    _weightsT[l][(k * _out[l]) + j] = weights[(j * real) + k];
                }
            }
            layer.bias!.data<float>().CopyTo(_biases[l].AsSpan(0, _realOut[l]), 0, 0);
            real = _realOut[l];
            padded = _out[l];
        }
        _output = new float[padded];
        _gradOutput = new float[padded];
        head.Output.weight!.data<float>().CopyTo(_output.AsSpan(0, real), 0, 0);
        _outputBias = head.Output.bias!.data<float>()[0];
    }

    /// <summary>Writes the parameters back into the head.</summary>
    public void Push()
    {
        using var noGrad = no_grad();
        var hidden = _head.Hidden;
        for (var l = 0; l < _in.Length; l++)
        {
            var layer = hidden[l];
            var weights = new float[_realOut[l] * _realIn[l]];
            for (var j = 0; j < _realOut[l]; j++)
            {
                for (var k = 0; k < _realIn[l]; k++)
                {
                    weights[(j * _realIn[l]) + k] = _weightsT[l][(k * _out[l]) + j];
                }
            }
            layer.weight!.data<float>().CopyFrom(weights, 0, 0);
            layer.bias!.data<float>().CopyFrom(_biases[l].AsSpan(0, _realOut[l]), 0, 0);
        }
        _head.Output.weight!.data<float>().CopyFrom(_output.AsSpan(0, _realOut[^1]), 0, 0);
        _head.Output.bias!.data<float>()[0] = _outputBias;
    }

    /// <summary>
    /// The output layer's input z (before the output activation) of <paramref name="rows"/> rows (a multiple of 4)
    /// of <paramref name="features"/>, keeping every layer's output for <see cref="Backward"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(float[] features, int rows, Span<float> z)
    {
        Reserve(rows);
        ReadOnlySpan<float> input = features;
        for (var l = 0; l < _in.Length; l++)
        {
            SmallGemm.Multiply(input, _in[l], 1, _weightsT[l], _out[l], _activations[l], _out[l], rows, _out[l], _in[l],
                SmallGemm.Finish.BiasRelu, _biases[l]);
            input = _activations[l];
        }
        var width = _output.Length;
        ref var a = ref MemoryMarshal.GetArrayDataReference(_activations[^1]);
        ref var w = ref MemoryMarshal.GetArrayDataReference(_output);
        for (var r = 0; r < rows; r++)
        {
            var dot = Vector256<float>.Zero;
            for (var f = 0; f < width; f += Lanes)
            {
                dot = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)((r * width) + f)), Vector256.LoadUnsafe(ref w, (nuint)f), dot);
            }
            z[r] = Vector256.Sum(dot) + _outputBias;
        }
    }

    /// <summary>
    /// Given ∂L/∂z of the rows <see cref="Forward"/> computed (0 beyond <paramref name="rows"/>), the gradients of
    /// every parameter, and ∂L/∂features written over <paramref name="features"/> (all <paramref name="paddedRows"/> rows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(float[] features, ReadOnlySpan<float> gradZ, int rows, int paddedRows)
    {
        var last = _in.Length - 1;
        var width = _out[last];
        ref var top = ref MemoryMarshal.GetArrayDataReference(_activations[last]);
        ref var w = ref MemoryMarshal.GetArrayDataReference(_output);
        ref var gradW = ref MemoryMarshal.GetArrayDataReference(_gradOutput);
        ref var delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        Array.Clear(_gradOutput);
        var gradBias = 0f;
        for (var r = 0; r < paddedRows; r++)
        {
            var g = gradZ[r];
            var gv = Vector256.Create(g);
            if (r < rows)
            {
                gradBias += g;
            }
            for (var f = 0; f < width; f += Lanes)
            {
                var at = (nuint)((r * width) + f);
                var activation = Vector256.LoadUnsafe(ref top, at);
                if (r < rows)
                {
                    Vector256.FusedMultiplyAdd(gv, activation, Vector256.LoadUnsafe(ref gradW, (nuint)f)).StoreUnsafe(ref gradW, (nuint)f);
                }
                var back = gv * Vector256.LoadUnsafe(ref w, (nuint)f);
                Vector256.ConditionalSelect(Vector256.GreaterThan(activation, Vector256<float>.Zero), back, Vector256<float>.Zero).StoreUnsafe(ref delta, at);
            }
        }
        _gradOutputBias = gradBias;
        for (var l = last; l >= 0; l--)
        {
            ReadOnlySpan<float> input = l == 0 ? features : _activations[l - 1];
            // ∂L/∂Wᵀ = inputᵀ·δ over the real rows: A read by columns.
            SmallGemm.Multiply(input, 1, _in[l], _delta, _out[l], _gradWeightsT[l], _out[l], _in[l], _out[l], rows);
            SumRows(_delta, rows, _out[l], _gradBiases[l]);
            Transpose(_weightsT[l], _in[l], _out[l], _weights[l]);
            if (l > 0)
            {
                SmallGemm.Multiply(_delta, _out[l], 1, _weights[l], _in[l], _deltaBelow, _in[l], paddedRows, _in[l], _out[l],
                    SmallGemm.Finish.Mask, _activations[l - 1]);
                (_delta, _deltaBelow) = (_deltaBelow, _delta);
            }
            else
            {
                SmallGemm.Multiply(_delta, _out[l], 1, _weights[l], _in[l], features, _in[l], paddedRows, _in[l], _out[l]);
            }
        }
    }

    /// <summary>w ← w + step·∂L/∂w for every parameter of the head.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(float step)
    {
        for (var l = 0; l < _in.Length; l++)
        {
            Axpy(step, _gradWeightsT[l], _weightsT[l]);
            Axpy(step, _gradBiases[l], _biases[l]);
        }
        Axpy(step, _gradOutput, _output);
        _outputBias += step * _gradOutputBias;
    }

    private static void Axpy(float step, float[] gradient, float[] target)
    {
        var s = Vector256.Create(step);
        ref var g = ref MemoryMarshal.GetArrayDataReference(gradient);
        ref var t = ref MemoryMarshal.GetArrayDataReference(target);
        for (var i = 0; i < target.Length; i += Lanes)
        {
            Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref g, (nuint)i), Vector256.LoadUnsafe(ref t, (nuint)i)).StoreUnsafe(ref t, (nuint)i);
        }
    }

    private static void SumRows(float[] matrix, int rows, int width, float[] sums)
    {
        Array.Clear(sums);
        ref var m = ref MemoryMarshal.GetArrayDataReference(matrix);
        ref var s = ref MemoryMarshal.GetArrayDataReference(sums);
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < width; f += Lanes)
            {
                (Vector256.LoadUnsafe(ref s, (nuint)f) + Vector256.LoadUnsafe(ref m, (nuint)((r * width) + f))).StoreUnsafe(ref s, (nuint)f);
            }
        }
    }

    private static void Transpose(float[] source, int rows, int columns, float[] target)
    {
        for (var k = 0; k < rows; k++)
        {
            for (var j = 0; j < columns; j++)
            {
                target[(j * rows) + k] = source[(k * columns) + j];
            }
        }
    }

    /// <summary>Per-layer buffers for <paramref name="rows"/> rows, grown only when a larger batch arrives.</summary>
    private void Reserve(int rows)
    {
        if (_activations.Length > 0 && _activations[0].Length >= rows * _out[0])
        {
            return;
        }
        _activations = _out.Select(width => new float[rows * width]).ToArray();
        var widest = Math.Max(_in.Max(), _out.Max());
        _delta = new float[rows * widest];
        _deltaBelow = new float[rows * widest];
    }

    /// <summary>Rounds <paramref name="width"/> up to a whole number of vectors.</summary>
    public static int Pad(int width) => (width + Lanes - 1) / Lanes * Lanes;
}
