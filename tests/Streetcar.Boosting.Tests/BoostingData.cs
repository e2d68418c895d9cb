using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Benchmarks;

namespace Streetcar.Boosting.Tests;

/// <summary>Small synthetic splits of the real shape (with a planted signal) and fast options.</summary>
internal static class BoostingData
{
    public static IReadOnlyList<ColumnEncoder> Encoders { get; } = SyntheticData.Encoders(SyntheticData.RealCardinalities);

    public static EncodedSplit Train { get; } = SyntheticData.Generate("train", 6_000, SyntheticData.RealCardinalities, 0.05, 11, 12);

    public static EncodedSplit Valid { get; } = SyntheticData.Generate("valid", 3_000, SyntheticData.RealCardinalities, 0.05, 11, 13);

    public static GradientBoostingOptions Options { get; } = new() { NumLeaves = 8, Iterations = 20, MinDataInLeaf = 10 };
}
