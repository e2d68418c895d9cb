using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Streetcar.Train.Model;

/// <summary>
/// C = A·B for the small matrices of a dense layer over one batch (1000 × 72 × 64 and the like), one thread.
/// B is row-major [depth, cols]; A is read through two strides, so the same kernel computes X·Wᵀ (A = X) and the
/// weight gradient Xᵀ·dZ (A = X read by columns). Each 4 × 16 tile of C stays in eight registers while the
/// depth loop broadcasts A and loads one row of B (small enough to stay in L1): eight independent FMA chains,
/// enough to cover the FMA latency on one core.
/// </summary>
/// <remarks>
/// Every element of C is one fused multiply-add chain over p = 0, 1, …, depth − 1 in that order, started from 0
/// or the bias: the same bits on every run and every machine (a machine without FMA computes the same fused
/// result, slowly). Rows must be a multiple of 4 and columns of 8 (callers pad with zeros).
/// </remarks>
internal static class SmallGemm
{
    public const int RowBlock = 4;
    public const int Lanes = 8;

    /// <summary>What happens to a tile before it is stored.</summary>
    public enum Finish
    {
        /// <summary>C = A·B.</summary>
        None,

        /// <summary>C = max(A·B + bias, 0): a ReLU layer's forward pass.</summary>
        BiasRelu,

        /// <summary>C = A·B where mask &gt; 0, else 0: the ReLU derivative of the layer below (mask is its output).</summary>
        Mask,
    }

    /// <summary>
    /// C[i, j] = Σₚ A[i·aRow + p·aStep]·B[p·ldb + j] for i &lt; rows, j &lt; cols, then <paramref name="finish"/>
    /// (<paramref name="extra"/> is the bias [cols] or the mask, laid out as C).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> a, int aRow, int aStep, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int rows, int cols, int depth, Finish finish = Finish.None, ReadOnlySpan<float> extra = default)
    {
        if (rows % RowBlock != 0 || cols % Lanes != 0)
        {
            throw new ArgumentException($"rows {rows} must be a multiple of {RowBlock} and columns {cols} of {Lanes}");
        }
        if (rows == 0 || cols == 0)
        {
            return;
        }
        // The unchecked loads below stay inside these bounds.
        var cEnd = ((long)(rows - 1) * ldc) + cols;
        if (depth < 1 || ((long)(rows - 1) * aRow) + ((long)(depth - 1) * aStep) >= a.Length || ((long)(depth - 1) * ldb) + cols > b.Length
            || cEnd > c.Length || (finish == Finish.BiasRelu && extra.Length < cols) || (finish == Finish.Mask && extra.Length < cEnd))
        {
            throw new ArgumentException("a matrix is smaller than its shape and strides say");
        }
        ref var a0 = ref MemoryMarshal.GetReference(a);
        ref var b0 = ref MemoryMarshal.GetReference(b);
        ref var c0 = ref MemoryMarshal.GetReference(c);
        ref var e0 = ref MemoryMarshal.GetReference(extra);
        for (var i = 0; i < rows; i += RowBlock)
        {
            ref var ai = ref Unsafe.Add(ref a0, (nint)i * aRow);
            var j = 0;
            for (; j + (2 * Lanes) <= cols; j += 2 * Lanes)
            {
                Tile16(ref ai, aRow, aStep, ref Unsafe.Add(ref b0, j), ldb, depth, ref c0, ref e0, i, j, ldc, finish);
            }
            if (j < cols)
            {
                Tile8(ref ai, aRow, aStep, ref Unsafe.Add(ref b0, j), ldb, depth, ref c0, ref e0, i, j, ldc, finish);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile16(ref float a, int aRow, int aStep, ref float b, int ldb, int depth,
        ref float c, ref float extra, int i, int j, int ldc, Finish finish)
    {
        var start0 = Vector256<float>.Zero;
        var start1 = Vector256<float>.Zero;
        if (finish == Finish.BiasRelu)
        {
            start0 = Vector256.LoadUnsafe(ref extra, (nuint)j);
            start1 = Vector256.LoadUnsafe(ref extra, (nuint)(j + Lanes));
        }
        var c00 = start0;
        var c01 = start1;
        var c10 = start0;
        var c11 = start1;
        var c20 = start0;
        var c21 = start1;
        var c30 = start0;
        var c31 = start1;
        nint row1 = aRow, row2 = 2 * aRow, row3 = 3 * aRow;
        ref var ap = ref a;
        ref var bp = ref b;
        for (var p = 0; p < depth; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bp);
            var b1 = Vector256.LoadUnsafe(ref bp, Lanes);
            var x = Vector256.Create(ap);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref ap, row1));
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref ap, row2));
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref ap, row3));
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            ap = ref Unsafe.Add(ref ap, aStep);
            bp = ref Unsafe.Add(ref bp, ldb);
        }
        Store(c00, ref c, ref extra, (i * ldc) + j, finish);
        Store(c01, ref c, ref extra, (i * ldc) + j + Lanes, finish);
        Store(c10, ref c, ref extra, ((i + 1) * ldc) + j, finish);
        Store(c11, ref c, ref extra, ((i + 1) * ldc) + j + Lanes, finish);
        Store(c20, ref c, ref extra, ((i + 2) * ldc) + j, finish);
        Store(c21, ref c, ref extra, ((i + 2) * ldc) + j + Lanes, finish);
        Store(c30, ref c, ref extra, ((i + 3) * ldc) + j, finish);
        Store(c31, ref c, ref extra, ((i + 3) * ldc) + j + Lanes, finish);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile8(ref float a, int aRow, int aStep, ref float b, int ldb, int depth,
        ref float c, ref float extra, int i, int j, int ldc, Finish finish)
    {
        var start = finish == Finish.BiasRelu ? Vector256.LoadUnsafe(ref extra, (nuint)j) : Vector256<float>.Zero;
        var c0 = start;
        var c1 = start;
        var c2 = start;
        var c3 = start;
        nint row1 = aRow, row2 = 2 * aRow, row3 = 3 * aRow;
        ref var ap = ref a;
        ref var bp = ref b;
        for (var p = 0; p < depth; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bp);
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(ap), b0, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ap, row1)), b0, c1);
            c2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ap, row2)), b0, c2);
            c3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ap, row3)), b0, c3);
            ap = ref Unsafe.Add(ref ap, aStep);
            bp = ref Unsafe.Add(ref bp, ldb);
        }
        Store(c0, ref c, ref extra, (i * ldc) + j, finish);
        Store(c1, ref c, ref extra, ((i + 1) * ldc) + j, finish);
        Store(c2, ref c, ref extra, ((i + 2) * ldc) + j, finish);
        Store(c3, ref c, ref extra, ((i + 3) * ldc) + j, finish);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> value, ref float c, ref float extra, int at, Finish finish)
    {
        value = finish switch
        {
            Finish.BiasRelu => Vector256.Max(value, Vector256<float>.Zero),
            Finish.Mask => Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.LoadUnsafe(ref extra, (nuint)at), Vector256<float>.Zero), value, Vector256<float>.Zero),
            _ => value,
        };
        value.StoreUnsafe(ref c, (nuint)at);
    }
}
