using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Benchmarks;
using Streetcar.Train.Training;

namespace Streetcar.Train.Tests;

/// <summary>Small synthetic splits of the real shape and a fast config, shared by the tests.</summary>
internal static class TestData
{
    public static IReadOnlyList<ColumnEncoder> Encoders { get; } = SyntheticData.Encoders(SyntheticData.RealCardinalities);

    public static EncodedSplit Train(int rows = 20_000, double positives = 0.02, double noise = 1.0) =>
        SyntheticData.Generate("train", rows, SyntheticData.RealCardinalities, positives, 11, 12, noise);

    public static EncodedSplit Valid(int rows = 4_000, double positives = 0.02, double noise = 1.0) =>
        SyntheticData.Generate("valid", rows, SyntheticData.RealCardinalities, positives, 11, 13, noise);

    public static ExperimentConfig Config(int epochs = 2) => new()
    {
        Name = "test",
        Epochs = epochs,
        BatchSize = 500,
        LearningRate = 0.01,
    };

    public static TrainInput Input(ExperimentConfig config, string folder, EncodedSplit? train = null, EncodedSplit? valid = null) =>
        new(config, train ?? Train(), valid ?? Valid(), Encoders, folder);
}
