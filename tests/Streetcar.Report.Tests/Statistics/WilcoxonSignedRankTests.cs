using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

public sealed class WilcoxonSignedRankTests
{
    [Fact]
    public void Exact_RsDocumentedDepressionExample_GivesV40AndTwiceTheOneSidedP()
    {
        // ?wilcox.test (Hollander & Wolfe): x − y paired, alternative = "greater" → V = 40, p-value = 0.01953 (10/512);
        // two-sided is 20/512.
        double[] x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
        double[] y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

        var w = WilcoxonSignedRank.Exact([.. x.Zip(y, (a, b) => a - b)]);

        Assert.Equal(9, w.N);
        Assert.Equal(40, w.WPlus);
        Assert.Equal(20.0 / 512, w.P!.Value, 12);
    }

    [Fact]
    public void Exact_FivePairsOneNegative_IsFourOf32()
    {
        // Ranks 1..5, the smallest negative: W+ = 14; as extreme: W+ ∈ {14, 15} or {0, 1}, 4 of 32 patterns.
        var w = WilcoxonSignedRank.Exact([1.5, -0.5, 2, 3, 4]);

        Assert.Equal(14, w.WPlus);
        Assert.Equal(0.125, w.P);
    }

    [Fact]
    public void Exact_Ties_UseMidranksAndTheirOwnNullDistribution()
    {
        // |d| = 1, 1, 1, 2 → midranks 2, 2, 2, 4 (sum 10, mean W+ 5); observed W+ = 8. Subsets of {2, 2, 2, 4} with
        // sum ≥ 8 or ≤ 2: {2,2,4}×3, {2,2,2,4}, {}, {2}×3 → 8 of 16.
        var w = WilcoxonSignedRank.Exact([1, 1, -1, 2]);

        Assert.Equal(8, w.WPlus);
        Assert.Equal(0.5, w.P);
    }

    [Fact]
    public void Exact_ZeroDifferences_AreDropped()
    {
        var withZeros = WilcoxonSignedRank.Exact([0, 1.5, -0.5, 0, 2, 3, 4]);

        Assert.Equal(5, withZeros.N);
        Assert.Equal(2, withZeros.Zeros);
        Assert.Equal(0.125, withZeros.P);
    }

    [Fact]
    public void Exact_AllDifferencesZero_IsPOne()
    {
        var w = WilcoxonSignedRank.Exact([0, 0, 0]);

        Assert.Equal(0, w.N);
        Assert.Equal(1, w.P);
    }

    [Fact]
    public void Exact_FivePairs_CannotGoBelow0Point0625()
    {
        var allPositive = WilcoxonSignedRank.Exact([1, 2, 3, 4, 5]);

        Assert.Equal(0.0625, allPositive.P);
        Assert.Equal(0.0625, allPositive.SmallestP);
    }

    [Fact]
    public void Exact_MoreThanTwentyPairs_IsNotEnumerated()
    {
        var w = WilcoxonSignedRank.Exact([.. Enumerable.Range(1, WilcoxonSignedRank.MaxExactN + 1).Select(i => (double)i)]);

        Assert.Null(w.P);
        Assert.Equal(21, w.N);
    }
}
