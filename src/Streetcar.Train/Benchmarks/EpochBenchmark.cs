using System.Diagnostics;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Benchmarks;

/// <summary>
/// Seconds per training epoch of the book's model on synthetic data of the real shape (7 columns, ~2 %
/// delays, validation rows in the real split's proportion), through the same <see cref="Trainer"/> the stage uses. One warm-up
/// epoch is not counted.
/// </summary>
public static class EpochBenchmark
{
    /// <summary>Class weight of a delay in the benchmark (about the book's balanced weight for 2 % delays).</summary>
    public const double PositiveWeight = 49.0;

    /// <summary>Learning rate of the benchmark (the book's).</summary>
    public const double LearningRate = 0.001;

    /// <summary>Dropout rate of the benchmark (the book's).</summary>
    public const double DropoutRate = 0.0003;

    /// <summary>Per-column and fused forms side by side on the same data, per-column first.</summary>
    public static IReadOnlyList<EpochTiming> Compare(int rows = SyntheticData.RealTrainRows, int epochs = 2, int batchSize = 1000, int threads = 1)
    {
        var (train, valid) = Data(rows);
        return Compare(train, valid, epochs, batchSize, threads);
    }

    /// <summary>Per-column and fused forms side by side on the given splits, per-column first.</summary>
    public static IReadOnlyList<EpochTiming> Compare(EncodedSplit train, EncodedSplit valid, int epochs = 2, int batchSize = 1000, int threads = 1) =>
        [Measure(ModelForm.PerColumn, train, valid, epochs, batchSize, threads), Measure(ModelForm.Fused, train, valid, epochs, batchSize, threads)];

    /// <summary>Measures <paramref name="epochs"/> epochs of <paramref name="form"/> on <paramref name="rows"/> rows.</summary>
    public static EpochTiming Measure(ModelForm form, int rows = SyntheticData.RealTrainRows, int epochs = 2, int batchSize = 1000, int threads = 1)
    {
        var (train, valid) = Data(rows);
        return Measure(form, train, valid, epochs, batchSize, threads);
    }

    /// <summary>
    /// The benchmark's seeded splits: <paramref name="rows"/> training rows and validation rows in the real
    /// split's proportion (validating 472,410 rows is part of every real epoch; with a faster training step it is
    /// no longer a rounding error).
    /// </summary>
    public static (EncodedSplit Train, EncodedSplit Valid) Data(int rows = SyntheticData.RealTrainRows) =>
        (SyntheticData.Generate("train", rows, SyntheticData.RealCardinalities, 0.02, 1, 2),
         SyntheticData.Generate("valid", Math.Max(1, (int)((long)rows * SyntheticData.RealValidRows / SyntheticData.RealTrainRows)), SyntheticData.RealCardinalities, 0.02, 1, 3));

    private static EpochTiming Measure(ModelForm form, EncodedSplit trainSplit, EncodedSplit validSplit, int epochs, int batchSize, int threads)
    {
        TorchRuntime.Pin(threads, 1);
        var architecture = new ModelArchitecture(trainSplit.Columns.ToArray(), SyntheticData.RealCardinalities.ToArray(),
            TrainStage.EmbeddingDim, [], Activation.HardSigmoid, DropoutRate, form);
        using var model = StreetcarModel.Create(architecture);
        using var train = TensorSplit.From(trainSplit, model, new ClassWeights(1.0, PositiveWeight));
        using var valid = TensorSplit.From(validSplit, model, new ClassWeights(1.0, 1.0));
        var timer = new EpochTimer();
        Trainer.Fit(model, train, valid, new TrainingOptions("bench", epochs + 1, batchSize, LearningRate, 7, 1, 1), [timer]);
        return new EpochTiming(form, trainSplit.Rows, batchSize, threads, timer.Seconds.Skip(1).ToArray(), timer.CpuSeconds.Skip(1).ToArray());
    }

    private sealed class EpochTimer : ITrainingCallback
    {
        private readonly Stopwatch _watch = new();
        private TimeSpan _cpu;

        public List<double> Seconds { get; } = [];

        public List<double> CpuSeconds { get; } = [];

        public void OnTrainBegin(TrainingPlan plan)
        {
            _cpu = Cpu();
            _watch.Restart();
        }

        public EpochVerdict OnEpochEnd(EpochRecord record)
        {
            Seconds.Add(_watch.Elapsed.TotalSeconds);
            var cpu = Cpu();
            CpuSeconds.Add((cpu - _cpu).TotalSeconds);
            _cpu = cpu;
            _watch.Restart();
            return EpochVerdict.Continue;
        }

        private static TimeSpan Cpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }
}
