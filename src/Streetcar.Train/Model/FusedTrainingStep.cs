using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Streetcar.Core.Config;
using Streetcar.Train.Training;
using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>
/// Plain-SGD steps of a <see cref="FusedModel"/>, forward and backward written out over managed copies of its
/// parameters, and its inference-mode predictions (the per-epoch validation pass). The same function as
/// <c>model.forward</c> → <see cref="KerasBinaryCrossEntropy.WeightedSum(StreetcarModel, Tensor, Tensor, Tensor)"/> → <c>backward</c> →
/// <see cref="PlainSgd.Step"/>, including the Keras batch-norm moving averages and the <see cref="SeededDropout"/>
/// draws (proved by test), summed in another order, the loss's log from <see cref="BatchLoss"/>. Why: a batch
/// of 1000 rows of the book's model is about 1 MFLOP, and through libtorch it costs ~60 calls with their
/// per-call overhead plus index_add_ over 7,000 ten-float slices; here it is a few passes over one buffer.
/// Hidden layers go through <see cref="DenseHeadStep"/>.
/// </summary>
/// <remarks>
/// Features are padded to a multiple of 8 so that every per-feature operation is a <see cref="Vector256{T}"/>
/// lane operation. The width is fixed (not <c>Vector&lt;T&gt;</c>) and everything runs on the calling thread, so
/// the order of every sum, and so every bit of the result, is the same on every run.
/// Create it at the start of an epoch (it copies the parameters in) and call <see cref="Push"/> at the end.
/// </remarks>
public sealed class FusedTrainingStep
{
    private const int Lanes = 8;

    /// <summary>Floats of the feature blocks whose per-feature sums a pass keeps in registers.</summary>
    private const int Block = 4 * Lanes;

    /// <summary>Rows per block of <see cref="Predict"/>: the buffers of a training batch, about.</summary>
    private const int PredictBlock = 1024;
    private const float HardSigmoidSlope = 0.2f;

    private readonly FusedModel _model;
    private readonly int _columns;
    private readonly int _dim;
    private readonly int _features;
    private readonly int _width;
    private readonly int _tableRows;
    private readonly bool _hardSigmoid;
    private readonly float _dropScale;
    private readonly float[] _table;
    // The table's gradient, one row of _gradStride floats (the dimension padded to whole vectors) per embedding row.
    private readonly float[] _tableGrad;
    private readonly int _gradStride;
    private readonly Vector256<float> _tailMask;
    private readonly float[] _gamma;
    private readonly float[] _beta;
    private readonly float[] _movingMean;
    private readonly float[] _movingVar;
    private readonly float[] _dense;
    private readonly DenseHeadStep? _head;
    private float _bias;

    // Per-batch scratch, reused: per-feature statistics and gradients, then per-row buffers.
    private readonly float[] _mean;
    private readonly float[] _rstd;
    private readonly float[] _gradGamma;
    private readonly float[] _gradBeta;
    private readonly float[] _gradDense;
    private readonly float[] _scaleDx;
    private readonly float[] _meanDy;
    private readonly float[] _meanDyX;
    private float[] _normalised = [];
    private float[] _work = [];
    private float[] _gradOut = [];
    private float[] _outputs = [];
    private float _gradBias;

    /// <summary>Copies the parameters of <paramref name="model"/> in; see <see cref="Supports"/>.</summary>
    public FusedTrainingStep(FusedModel model)
    {
        if (!Supports(model))
        {
            throw new ArgumentException("the managed step covers the fused model with float32 weights and a known output activation", nameof(model));
        }
        _model = model;
        var architecture = model.Architecture;
        _columns = architecture.Columns.Count;
        _dim = architecture.EmbeddingDim;
        _features = architecture.ConcatWidth;
        _width = (_features + Lanes - 1) / Lanes * Lanes;
        _hardSigmoid = architecture.Activation == Activation.HardSigmoid;
        // SeededDropout's mask value, 1/(1-p) rounded to float (1 without dropout, where multiplying is exact).
        _dropScale = (float)(1.0 / (1.0 - model.Dropout.Rate));
        _table = new float[model.Embedding.weight!.numel()];
        _tableRows = _table.Length / _dim;
        _gradStride = (_dim + Lanes - 1) / Lanes * Lanes;
        _tableGrad = new float[_tableRows * _gradStride];
        _tailMask = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(_dim % Lanes)).AsSingle();
        _gamma = new float[_width];
        _beta = new float[_width];
        _movingMean = new float[_width];
        _movingVar = new float[_width];
        _dense = new float[_width];
        _mean = new float[_width];
        _rstd = new float[_width];
        _gradGamma = new float[_width];
        _gradBeta = new float[_width];
        _gradDense = new float[_width];
        _scaleDx = new float[_width];
        _meanDy = new float[_width];
        _meanDyX = new float[_width];
        model.Embedding.weight!.data<float>().CopyTo(_table, 0, 0);
        model.Norm.Weight.data<float>().CopyTo(_gamma.AsSpan(0, _features), 0, 0);
        model.Norm.Bias.data<float>().CopyTo(_beta.AsSpan(0, _features), 0, 0);
        model.Norm.RunningMean.data<float>().CopyTo(_movingMean.AsSpan(0, _features), 0, 0);
        model.Norm.RunningVar.data<float>().CopyTo(_movingVar.AsSpan(0, _features), 0, 0);
        if (architecture.HiddenLayers.Count > 0)
        {
            _head = new DenseHeadStep(model.Head, _features, _width);
        }
        else
        {
            model.Head.Output.weight!.data<float>().CopyTo(_dense.AsSpan(0, _features), 0, 0);
            _bias = model.Head.Output.bias!.data<float>()[0];
        }
    }

    /// <summary>Whether <paramref name="model"/> is a form this step computes (else train it through autograd).</summary>
    public static bool Supports(StreetcarModel model) =>
        model is FusedModel fused
        && fused.Architecture.Activation is Activation.HardSigmoid or Activation.Sigmoid
        && fused.Embedding.weight!.dtype == ScalarType.Float32;

    /// <summary>Writes the parameters and moving statistics back into the model.</summary>
    public void Push()
    {
        using var noGrad = no_grad();
        _model.Embedding.weight!.data<float>().CopyFrom(_table, 0, 0);
        _model.Norm.Weight.data<float>().CopyFrom(_gamma.AsSpan(0, _features), 0, 0);
        _model.Norm.Bias.data<float>().CopyFrom(_beta.AsSpan(0, _features), 0, 0);
        _model.Norm.RunningMean.data<float>().CopyFrom(_movingMean.AsSpan(0, _features), 0, 0);
        _model.Norm.RunningVar.data<float>().CopyFrom(_movingVar.AsSpan(0, _features), 0, 0);
        if (_head is not null)
        {
            _head.Push();
            return;
        }
        _model.Head.Output.weight!.data<float>().CopyFrom(_dense.AsSpan(0, _features), 0, 0);
        _model.Head.Output.bias!.data<float>()[0] = _bias;
    }

    /// <summary>
    /// One SGD step on a batch given as its indexed inputs (row-major, one embedding row per column), labels and
    /// class weights; Keras' batch loss is Σ w·l / batch size. Returns Σ w·l over the batch (NaN when the model
    /// diverged) and the number of rows whose prediction is on the label's side of 0.5.
    /// </summary>
    public (double WeightedLoss, int Correct) Step(ReadOnlySpan<int> inputs, ReadOnlySpan<float> labels,
        ReadOnlySpan<float> weights, double learningRate)
    {
        var n = labels.Length;
        Reserve(n);
        Gather(inputs, n);
        Statistics(n);
        var dropped = _model.Dropout.Rate > 0 ? _model.Dropout.DroppedPositions((long)n * _features) : [];
        if (_head is not null)
        {
            return StepThroughHead(inputs, labels, weights, dropped, (float)-learningRate);
        }
        var (loss, correct) = ForwardAndLoss(labels, weights, dropped);
        if (double.IsNaN(loss))
        {
            return (loss, correct);
        }
        Backward(n, dropped);
        BackwardToTable(inputs, n);
        Update((float)-learningRate);
        return (loss, correct);
    }

    /// <summary>The step with hidden layers: the batch norm and dropout as above, the layers in <see cref="DenseHeadStep"/>.</summary>
    private (double WeightedLoss, int Correct) StepThroughHead(ReadOnlySpan<int> inputs, ReadOnlySpan<float> labels,
        ReadOnlySpan<float> weights, long[] dropped, float step)
    {
        var n = labels.Length;
        var rows = RoundUp(n);
        NormaliseAndDrop(n, dropped);
        _head!.Forward(_work, rows, _outputs);
        var (loss, correct) = BatchLoss.Compute(_outputs.AsSpan(0, n), labels, weights, _hardSigmoid, _gradOut);
        if (double.IsNaN(loss))
        {
            return (loss, correct);
        }
        _gradOut.AsSpan(n, rows - n).Clear();
        _head.Backward(_work, _gradOut, n, rows);
        BackwardThroughNorm(n, dropped);
        BackwardToTable(inputs, n);
        Update(step);
        _head.Update(step);
        return (loss, correct);
    }

    /// <summary>
    /// Probabilities of the rows <paramref name="inputs"/> (row-major, one embedding row per column) in inference
    /// mode: the moving batch-norm statistics, no dropout. The parameters are the step's current ones.
    /// </summary>
    /// <remarks>
    /// The batch norm is torch's inference formula, x·α + (β − mean·α) with α = γ / √(var + ε) in float; the
    /// dense layers sum in <see cref="SmallGemm"/>'s order rather than libtorch's, so the outputs agree with
    /// <c>model.forward</c> in eval mode to float rounding, not bit for bit (measured by test).
    /// </remarks>
    public void Predict(ReadOnlySpan<int> inputs, Span<float> probabilities)
    {
        var total = probabilities.Length;
        if (inputs.Length != total * _columns)
        {
            throw new ArgumentException($"{inputs.Length} inputs for {total} rows of {_columns} columns", nameof(inputs));
        }
        Reserve(Math.Min(PredictBlock, total));
        var alpha = new float[_width];
        var shift = new float[_width];
        var epsilon = (float)ModelArchitecture.BatchNormEpsilon;
        for (var f = 0; f < _features; f++)
        {
            alpha[f] = 1f / MathF.Sqrt(_movingVar[f] + epsilon) * _gamma[f];
            shift[f] = _beta[f] - (_movingMean[f] * alpha[f]);
        }
        for (var start = 0; start < total; start += PredictBlock)
        {
            var n = Math.Min(PredictBlock, total - start);
            Gather(inputs.Slice(start * _columns, n * _columns), n);
            Normalise(n, alpha, shift);
            if (_head is not null)
            {
                _head.Forward(_work, RoundUp(n), _outputs);
            }
            else
            {
                OutputLayer(n);
            }
            for (var r = 0; r < n; r++)
            {
                probabilities[start + r] = Activate(_outputs[r]).P;
            }
        }
    }

    /// <summary>h = x·α + shift per feature into <see cref="_work"/>, the padded rows up to a multiple of 4 zeroed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Normalise(int n, float[] alpha, float[] shift)
    {
        ref var x = ref MemoryMarshal.GetArrayDataReference(_normalised);
        ref var h = ref MemoryMarshal.GetArrayDataReference(_work);
        ref var a = ref MemoryMarshal.GetArrayDataReference(alpha);
        ref var b = ref MemoryMarshal.GetArrayDataReference(shift);
        for (var r = 0; r < n; r++)
        {
            for (var f = 0; f < _width; f += Lanes)
            {
                var at = (nuint)((r * _width) + f);
                ((Vector256.LoadUnsafe(ref x, at) * Vector256.LoadUnsafe(ref a, (nuint)f)) + Vector256.LoadUnsafe(ref b, (nuint)f)).StoreUnsafe(ref h, at);
            }
        }
        _work.AsSpan(n * _width, (RoundUp(n) - n) * _width).Clear();
    }

    /// <summary>z = h·w + bias of the model without hidden layers into <see cref="_outputs"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OutputLayer(int n)
    {
        ref var h = ref MemoryMarshal.GetArrayDataReference(_work);
        ref var dense = ref MemoryMarshal.GetArrayDataReference(_dense);
        for (var r = 0; r < n; r++)
        {
            var dot = Vector256<float>.Zero;
            for (var f = 0; f < _width; f += Lanes)
            {
                dot += Vector256.LoadUnsafe(ref h, (nuint)((r * _width) + f)) * Vector256.LoadUnsafe(ref dense, (nuint)f);
            }
            _outputs[r] = Vector256.Sum(dot) + _bias;
        }
    }

    /// <summary>Buffers for batches of up to <paramref name="n"/> rows (padded to a multiple of 4), grown only when needed.</summary>
    private void Reserve(int n)
    {
        var rows = RoundUp(n);
        if (_normalised.Length >= rows * _width)
        {
            return;
        }
        _normalised = new float[rows * _width];
        // One vector of slack: BackwardToTable's masked load of the last column's tail may read past the last row.
        _work = new float[(rows * _width) + Lanes];
        _gradOut = new float[rows];
        _outputs = new float[rows];
    }

    private static int RoundUp(int n) => (n + SmallGemm.RowBlock - 1) / SmallGemm.RowBlock * SmallGemm.RowBlock;

    /// <summary>x[r, c·dim + d] = table[input[r, c], d] into <see cref="_normalised"/> (padding stays 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Gather(ReadOnlySpan<int> inputs, int n)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        ref var x = ref MemoryMarshal.GetArrayDataReference(_normalised);
        for (var r = 0; r < n; r++)
        {
            var codes = inputs.Slice(r * _columns, _columns);
            var row = (nuint)(r * _width);
            for (var c = 0; c < _columns; c++)
            {
                // The unchecked vector moves here and in BackwardToTable rely on this.
                if ((uint)codes[c] >= (uint)_tableRows)
                {
                    throw new ArgumentOutOfRangeException(nameof(inputs), codes[c], $"embedding row outside 0..{_tableRows - 1}");
                }
                Copy(ref table, (nuint)(codes[c] * _dim), ref x, row + (nuint)(c * _dim), _dim);
            }
        }
    }

    /// <summary>Copies <paramref name="count"/> floats with vector moves; the last one may overlap the one before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ref float source, nuint from, ref float target, nuint to, int count)
    {
        if (count < Lanes)
        {
            for (var d = 0; d < count; d++)
            {
                Unsafe.Add(ref target, to + (nuint)d) = Unsafe.Add(ref source, from + (nuint)d);
            }
            return;
        }
        for (var d = 0; d < count; d += Lanes)
        {
            var at = (nuint)Math.Min(d, count - Lanes);
            Vector256.LoadUnsafe(ref source, from + at).StoreUnsafe(ref target, to + at);
        }
    }

    /// <summary>Σ x per feature over the rows into <see cref="_mean"/>, four feature vectors at a time, the sums in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumRows(int n)
    {
        ref var x = ref MemoryMarshal.GetArrayDataReference(_normalised);
        ref var sum = ref MemoryMarshal.GetArrayDataReference(_mean);
        var f0 = 0;
        for (; f0 + Block <= _width; f0 += Block)
        {
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var r = 0; r < n; r++)
            {
                var at = (nuint)((r * _width) + f0);
                s0 += Vector256.LoadUnsafe(ref x, at);
                s1 += Vector256.LoadUnsafe(ref x, at + Lanes);
                s2 += Vector256.LoadUnsafe(ref x, at + (2 * Lanes));
                s3 += Vector256.LoadUnsafe(ref x, at + (3 * Lanes));
            }
            s0.StoreUnsafe(ref sum, (nuint)f0);
            s1.StoreUnsafe(ref sum, (nuint)(f0 + Lanes));
            s2.StoreUnsafe(ref sum, (nuint)(f0 + (2 * Lanes)));
            s3.StoreUnsafe(ref sum, (nuint)(f0 + (3 * Lanes)));
        }
        for (; f0 < _width; f0 += Lanes)
        {
            var total = Vector256<float>.Zero;
            for (var r = 0; r < n; r++)
            {
                total += Vector256.LoadUnsafe(ref x, (nuint)((r * _width) + f0));
            }
            total.StoreUnsafe(ref sum, (nuint)f0);
        }
    }

    /// <summary>Batch mean, biased variance (a second pass) and rstd per feature, then Keras' moving averages.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Statistics(int n)
    {
        ref var x = ref MemoryMarshal.GetArrayDataReference(_normalised);
        ref var mean = ref MemoryMarshal.GetArrayDataReference(_mean);
        ref var squares = ref MemoryMarshal.GetArrayDataReference(_rstd);
        var inverseN = Vector256.Create(1f / n);
        SumRows(n);
        for (var f = 0; f < _width; f += Lanes)
        {
            (Vector256.LoadUnsafe(ref mean, (nuint)f) * inverseN).StoreUnsafe(ref mean, (nuint)f);
        }
        // Four feature vectors at a time down the rows, the sums in registers (each lane still adds its rows in
        // order, so the bits are those of a row-by-row pass; a row-by-row pass loads and stores every sum per row).
        var f0 = 0;
        for (; f0 + Block <= _width; f0 += Block)
        {
            var m0 = Vector256.LoadUnsafe(ref mean, (nuint)f0);
            var m1 = Vector256.LoadUnsafe(ref mean, (nuint)(f0 + Lanes));
            var m2 = Vector256.LoadUnsafe(ref mean, (nuint)(f0 + (2 * Lanes)));
            var m3 = Vector256.LoadUnsafe(ref mean, (nuint)(f0 + (3 * Lanes)));
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var r = 0; r < n; r++)
            {
                var at = (nuint)((r * _width) + f0);
                var c0 = Vector256.LoadUnsafe(ref x, at) - m0;
                var c1 = Vector256.LoadUnsafe(ref x, at + Lanes) - m1;
                var c2 = Vector256.LoadUnsafe(ref x, at + (2 * Lanes)) - m2;
                var c3 = Vector256.LoadUnsafe(ref x, at + (3 * Lanes)) - m3;
                s0 += c0 * c0;
                s1 += c1 * c1;
                s2 += c2 * c2;
                s3 += c3 * c3;
            }
            s0.StoreUnsafe(ref squares, (nuint)f0);
            s1.StoreUnsafe(ref squares, (nuint)(f0 + Lanes));
            s2.StoreUnsafe(ref squares, (nuint)(f0 + (2 * Lanes)));
            s3.StoreUnsafe(ref squares, (nuint)(f0 + (3 * Lanes)));
        }
        for (; f0 < _width; f0 += Lanes)
        {
            var m = Vector256.LoadUnsafe(ref mean, (nuint)f0);
            var sum = Vector256<float>.Zero;
            for (var r = 0; r < n; r++)
            {
                var centred = Vector256.LoadUnsafe(ref x, (nuint)((r * _width) + f0)) - m;
                sum += centred * centred;
            }
            sum.StoreUnsafe(ref squares, (nuint)f0);
        }
        var momentum = (float)ModelArchitecture.BatchNormTorchMomentum;
        for (var f = 0; f < _width; f++)
        {
            var variance = _rstd[f] * (1f / n);
            _rstd[f] = (float)(1.0 / Math.Sqrt(variance + ModelArchitecture.BatchNormEpsilon));
            // Keras: moving = momentum·moving + (1 − momentum)·batch, with the biased batch variance.
            _movingMean[f] = (_movingMean[f] * (1 - momentum)) + (_mean[f] * momentum);
            _movingVar[f] = (_movingVar[f] * (1 - momentum)) + (variance * momentum);
        }
    }

    /// <summary>
    /// x̂ = (x − mean)·rstd in place, h = dropout(γ·x̂ + β) into <see cref="_work"/>, the output, Keras'
    /// cross-entropy and its gradient with respect to the dense layer's output into <see cref="_gradOut"/>
    /// (<see cref="BatchLoss"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Loss, int Correct) ForwardAndLoss(ReadOnlySpan<float> labels, ReadOnlySpan<float> weights, long[] dropped)
    {
        var n = labels.Length;
        ref var h = ref MemoryMarshal.GetArrayDataReference(_work);
        ref var dense = ref MemoryMarshal.GetArrayDataReference(_dense);
        var next = 0;
        for (var r = 0; r < n; r++)
        {
            NormaliseRow(r);
            next = ZeroDropped(_work, r, dropped, next);
            var dot = Vector256<float>.Zero;
            for (var f = 0; f < _width; f += Lanes)
            {
                dot += Vector256.LoadUnsafe(ref h, (nuint)((r * _width) + f)) * Vector256.LoadUnsafe(ref dense, (nuint)f);
            }
            _outputs[r] = Vector256.Sum(dot) + _bias;
        }
        return BatchLoss.Compute(_outputs.AsSpan(0, n), labels, weights, _hardSigmoid, _gradOut);
    }

    /// <summary>
    /// x̂ = (x − mean)·rstd in place and h = dropout(γ·x̂ + β) into <see cref="_work"/> (the training-mode batch
    /// norm, as in <see cref="ForwardAndLoss"/>), the padded rows up to a multiple of 4 zeroed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NormaliseAndDrop(int n, long[] dropped)
    {
        var next = 0;
        for (var r = 0; r < n; r++)
        {
            NormaliseRow(r);
            next = ZeroDropped(_work, r, dropped, next);
        }
        _work.AsSpan(n * _width, (RoundUp(n) - n) * _width).Clear();
    }

    /// <summary>
    /// Row <paramref name="r"/> of the training-mode batch norm: x̂ = (x − mean)·rstd in place, and
    /// (γ·x̂ + β)·dropout scale into <see cref="_work"/> (the dropped features are zeroed by the caller).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void NormaliseRow(int r)
    {
        ref var x = ref MemoryMarshal.GetArrayDataReference(_normalised);
        ref var h = ref MemoryMarshal.GetArrayDataReference(_work);
        ref var mean = ref MemoryMarshal.GetArrayDataReference(_mean);
        ref var rstd = ref MemoryMarshal.GetArrayDataReference(_rstd);
        ref var gamma = ref MemoryMarshal.GetArrayDataReference(_gamma);
        ref var beta = ref MemoryMarshal.GetArrayDataReference(_beta);
        var scale = Vector256.Create(_dropScale);
        for (var f = 0; f < _width; f += Lanes)
        {
            var at = (nuint)((r * _width) + f);
            var xhat = (Vector256.LoadUnsafe(ref x, at) - Vector256.LoadUnsafe(ref mean, (nuint)f)) * Vector256.LoadUnsafe(ref rstd, (nuint)f);
            xhat.StoreUnsafe(ref x, at);
            var y = (xhat * Vector256.LoadUnsafe(ref gamma, (nuint)f)) + Vector256.LoadUnsafe(ref beta, (nuint)f);
            (y * scale).StoreUnsafe(ref h, at);
        }
    }

    /// <summary>Output activation and its derivative (0 where hard_sigmoid is clipped).</summary>
    private (float P, float Slope) Activate(float z)
    {
        if (_hardSigmoid)
        {
            var u = (z * HardSigmoidSlope) + 0.5f;
            return (Math.Clamp(u, 0f, 1f), u is >= 0f and <= 1f ? HardSigmoidSlope : 0f);
        }
        var s = 1f / (1f + MathF.Exp(-z));
        return (s, s * (1 - s));
    }

    /// <summary>Sets the dropped positions of row <paramref name="row"/> (flat indices over [rows, features]) to 0.</summary>
    private int ZeroDropped(float[] buffer, int row, long[] dropped, int next)
    {
        var end = (long)(row + 1) * _features;
        for (; next < dropped.Length && dropped[next] < end; next++)
        {
            buffer[(row * _width) + (int)(dropped[next] - ((long)row * _features))] = 0f;
        }
        return next;
    }

    /// <summary>Gradients of the dense layer, γ and β, and ∂/∂y (dropout applied) into <see cref="_work"/>.</summary>
    /// <remarks>
    /// Feature blocks down the rows with the sums in registers, the dropped positions zeroed in between: each
    /// lane adds its rows in order, the same bits as row by row.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(int n, long[] dropped)
    {
        ref var work = ref MemoryMarshal.GetArrayDataReference(_work);
        ref var dense = ref MemoryMarshal.GetArrayDataReference(_dense);
        ref var gradOut = ref MemoryMarshal.GetArrayDataReference(_gradOut);
        ref var gradDense = ref MemoryMarshal.GetArrayDataReference(_gradDense);
        var scale = Vector256.Create(_dropScale);
        var gradBias = 0f;
        for (var r = 0; r < n; r++)
        {
            gradBias += _gradOut[r];
        }
        _gradBias = gradBias;
        var f0 = 0;
        for (; f0 + Block <= _width; f0 += Block)
        {
            // ∂/∂y = g·w·mask: the dropout mask again, dropped positions zeroed below.
            var w0 = Vector256.LoadUnsafe(ref dense, (nuint)f0);
            var w1 = Vector256.LoadUnsafe(ref dense, (nuint)(f0 + Lanes));
            var w2 = Vector256.LoadUnsafe(ref dense, (nuint)(f0 + (2 * Lanes)));
            var w3 = Vector256.LoadUnsafe(ref dense, (nuint)(f0 + (3 * Lanes)));
            Vector256<float> d0 = default, d1 = default, d2 = default, d3 = default;
            for (var r = 0; r < n; r++)
            {
                var at = (nuint)((r * _width) + f0);
                var gv = Vector256.Create(Unsafe.Add(ref gradOut, r));
                d0 += gv * Vector256.LoadUnsafe(ref work, at);
                d1 += gv * Vector256.LoadUnsafe(ref work, at + Lanes);
                d2 += gv * Vector256.LoadUnsafe(ref work, at + (2 * Lanes));
                d3 += gv * Vector256.LoadUnsafe(ref work, at + (3 * Lanes));
                (gv * w0 * scale).StoreUnsafe(ref work, at);
                (gv * w1 * scale).StoreUnsafe(ref work, at + Lanes);
                (gv * w2 * scale).StoreUnsafe(ref work, at + (2 * Lanes));
                (gv * w3 * scale).StoreUnsafe(ref work, at + (3 * Lanes));
            }
            d0.StoreUnsafe(ref gradDense, (nuint)f0);
            d1.StoreUnsafe(ref gradDense, (nuint)(f0 + Lanes));
            d2.StoreUnsafe(ref gradDense, (nuint)(f0 + (2 * Lanes)));
            d3.StoreUnsafe(ref gradDense, (nuint)(f0 + (3 * Lanes)));
        }
        for (; f0 < _width; f0 += Lanes)
        {
            var w = Vector256.LoadUnsafe(ref dense, (nuint)f0);
            var sum = Vector256<float>.Zero;
            for (var r = 0; r < n; r++)
            {
                var at = (nuint)((r * _width) + f0);
                var gv = Vector256.Create(Unsafe.Add(ref gradOut, r));
                sum += gv * Vector256.LoadUnsafe(ref work, at);
                (gv * w * scale).StoreUnsafe(ref work, at);
            }
            sum.StoreUnsafe(ref gradDense, (nuint)f0);
        }
        ZeroAllDropped(dropped);
        NormGradients(n);
    }

    /// <summary>Sets every dropped position (flat indices over [rows, features]) of <see cref="_work"/> to 0.</summary>
    private void ZeroAllDropped(long[] dropped)
    {
        foreach (var position in dropped)
        {
            var row = (int)(position / _features);
            _work[(row * _width) + (int)(position - ((long)row * _features))] = 0f;
        }
    }

    /// <summary>∂L/∂β = Σ ∂/∂y and ∂L/∂γ = Σ ∂/∂y·x̂ over the rows, from ∂/∂y in <see cref="_work"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NormGradients(int n)
    {
        ref var xhat = ref MemoryMarshal.GetArrayDataReference(_normalised);
        ref var work = ref MemoryMarshal.GetArrayDataReference(_work);
        ref var gradGamma = ref MemoryMarshal.GetArrayDataReference(_gradGamma);
        ref var gradBeta = ref MemoryMarshal.GetArrayDataReference(_gradBeta);
        var f0 = 0;
        for (; f0 + Block <= _width; f0 += Block)
        {
            Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
            Vector256<float> g0 = default, g1 = default, g2 = default, g3 = default;
            for (var r = 0; r < n; r++)
            {
                var at = (nuint)((r * _width) + f0);
                var y0 = Vector256.LoadUnsafe(ref work, at);
                var y1 = Vector256.LoadUnsafe(ref work, at + Lanes);
                var y2 = Vector256.LoadUnsafe(ref work, at + (2 * Lanes));
                var y3 = Vector256.LoadUnsafe(ref work, at + (3 * Lanes));
                b0 += y0;
                b1 += y1;
                b2 += y2;
                b3 += y3;
                g0 += y0 * Vector256.LoadUnsafe(ref xhat, at);
                g1 += y1 * Vector256.LoadUnsafe(ref xhat, at + Lanes);
                g2 += y2 * Vector256.LoadUnsafe(ref xhat, at + (2 * Lanes));
                g3 += y3 * Vector256.LoadUnsafe(ref xhat, at + (3 * Lanes));
            }
            b0.StoreUnsafe(ref gradBeta, (nuint)f0);
            b1.StoreUnsafe(ref gradBeta, (nuint)(f0 + Lanes));
            b2.StoreUnsafe(ref gradBeta, (nuint)(f0 + (2 * Lanes)));
            b3.StoreUnsafe(ref gradBeta, (nuint)(f0 + (3 * Lanes)));
            g0.StoreUnsafe(ref gradGamma, (nuint)f0);
            g1.StoreUnsafe(ref gradGamma, (nuint)(f0 + Lanes));
            g2.StoreUnsafe(ref gradGamma, (nuint)(f0 + (2 * Lanes)));
            g3.StoreUnsafe(ref gradGamma, (nuint)(f0 + (3 * Lanes)));
        }
        for (; f0 < _width; f0 += Lanes)
        {
            var beta = Vector256<float>.Zero;
            var gamma = Vector256<float>.Zero;
            for (var r = 0; r < n; r++)
            {
                var at = (nuint)((r * _width) + f0);
                var dy = Vector256.LoadUnsafe(ref work, at);
                beta += dy;
                gamma += dy * Vector256.LoadUnsafe(ref xhat, at);
            }
            beta.StoreUnsafe(ref gradBeta, (nuint)f0);
            gamma.StoreUnsafe(ref gradGamma, (nuint)f0);
        }
    }

    /// <summary>
    /// Given ∂L/∂h in <see cref="_work"/> (from the hidden layers), ∂/∂y = ∂L/∂h·mask in place and the
    /// gradients of γ and β, as <see cref="Backward"/> does for the model without hidden layers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackwardThroughNorm(int n, long[] dropped)
    {
        ref var work = ref MemoryMarshal.GetArrayDataReference(_work);
        var scale = Vector256.Create(_dropScale);
        for (var at = 0; at < n * _width; at += Lanes)
        {
            (Vector256.LoadUnsafe(ref work, (nuint)at) * scale).StoreUnsafe(ref work, (nuint)at);
        }
        ZeroAllDropped(dropped);
        NormGradients(n);
    }

    /// <summary>
    /// Batch norm in training mode, ∂/∂x = γ·rstd·(dy − mean(dy) − x̂·mean(dy·x̂)), row by row, each row's
    /// gradient added at once into the embedding rows it was gathered from.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackwardToTable(ReadOnlySpan<int> inputs, int n)
    {
        for (var f = 0; f < _width; f++)
        {
            _scaleDx[f] = _gamma[f] * _rstd[f];
            _meanDy[f] = _gradBeta[f] * (1f / n);
            _meanDyX[f] = _gradGamma[f] * (1f / n);
        }
        ref var xhat = ref MemoryMarshal.GetArrayDataReference(_normalised);
        ref var work = ref MemoryMarshal.GetArrayDataReference(_work);
        ref var scaleDx = ref MemoryMarshal.GetArrayDataReference(_scaleDx);
        ref var meanDy = ref MemoryMarshal.GetArrayDataReference(_meanDy);
        ref var meanDyX = ref MemoryMarshal.GetArrayDataReference(_meanDyX);
        ref var grad = ref MemoryMarshal.GetArrayDataReference(_tableGrad);
        var vectors = _dim / Lanes * Lanes;
        var tailMask = _tailMask;
        for (var r = 0; r < n; r++)
        {
            var row = (nuint)(r * _width);
            for (var f = 0; f < _width; f += Lanes)
            {
                var at = row + (nuint)f;
                var centred = Vector256.LoadUnsafe(ref work, at) - Vector256.LoadUnsafe(ref meanDy, (nuint)f)
                    - (Vector256.LoadUnsafe(ref xhat, at) * Vector256.LoadUnsafe(ref meanDyX, (nuint)f));
                (Vector256.LoadUnsafe(ref scaleDx, (nuint)f) * centred).StoreUnsafe(ref work, at);
            }
            var codes = inputs.Slice(r * _columns, _columns);
            for (var c = 0; c < _columns; c++)
            {
                var target = (nuint)(codes[c] * _gradStride);
                var source = row + (nuint)(c * _dim);
                var d = 0;
                for (; d < vectors; d += Lanes)
                {
                    var at = (nuint)d;
                    (Vector256.LoadUnsafe(ref grad, target + at) + Vector256.LoadUnsafe(ref work, source + at)).StoreUnsafe(ref grad, target + at);
                }
                if (d < _dim)
                {
                    // The last dim % 8 values as one vector whose other lanes (the next column's) are masked to
                    // +0 and land in the padding of the gradient row: the real lanes add exactly as a scalar would.
                    var at = (nuint)d;
                    (Vector256.LoadUnsafe(ref grad, target + at) + (Vector256.LoadUnsafe(ref work, source + at) & tailMask)).StoreUnsafe(ref grad, target + at);
                }
            }
        }
    }

    /// <summary>w ← w + (−lr)·∂L/∂w for every parameter (torch's add_ with alpha −lr), gradients reset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(float step)
    {
        for (var row = 0; row < _tableRows; row++)
        {
            for (var d = 0; d < _dim; d++)
            {
                _table[(row * _dim) + d] += step * _tableGrad[(row * _gradStride) + d];
            }
        }
        Array.Clear(_tableGrad);
        for (var f = 0; f < _features; f++)
        {
            _gamma[f] += step * _gradGamma[f];
            _beta[f] += step * _gradBeta[f];
            _dense[f] += step * _gradDense[f];
        }
        _bias += step * _gradBias;
    }
}
