using System.Diagnostics;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Benchmarks;

/// <summary>
/// Seconds per training epoch of the book's model (and of exp7's, with hidden layers) on synthetic data of the
/// real shape (7 columns, ~2 % delays, validation rows in the real split's proportion), through the same
/// <see cref="Trainer"/> the stage uses. One warm-up epoch is not counted.
/// </summary>
public static class EpochBenchmark
{
    /// <summary>Class weight of a delay in the benchmark (about the book's balanced weight for 2 % delays).</summary>
    public const double PositiveWeight = 49.0;

    /// <summary>Learning rate of the benchmark (the book's).</summary>
    public const double LearningRate = 0.001;

    /// <summary>Dropout rate of the benchmark (the book's).</summary>
    public const double DropoutRate = 0.0003;

    /// <summary>exp7's hidden layers (experiments/exp7.yml).</summary>
    public static IReadOnlyList<int> Exp7HiddenLayers { get; } = [64, 32];

    /// <summary>exp7's learning rate.</summary>
    public const double Exp7LearningRate = 0.003;

    /// <summary>exp7's output activation.</summary>
    public const Activation Exp7Activation = Activation.Sigmoid;

    // Element-wise work per feature and row outside the dense layers, counted op by op in FusedTrainingStep:
    // training (gather sum, variance, normalise, γ/β, dropout, their backward, the scatter into the table) and
    // inference (x·α + shift).
    private const int TrainingFlopsPerFeature = 19;
    private const int InferenceFlopsPerFeature = 2;

    /// <summary>
    /// Floating-point operations of one epoch of <paramref name="architecture"/>: per training row, the dense
    /// layers' forward product, weight gradient and input gradient (2 flops per multiply-add each) plus the
    /// batch norm's element-wise work; per validation row, the forward product and the inference batch norm.
    /// The book's model is ~1,800 flops per training row, exp7's ~40,700.
    /// </summary>
    public static double EpochFlops(ModelArchitecture architecture, int trainRows, int validRows)
    {
        var multiplyAdds = 0L;
        var width = architecture.ConcatWidth;
        foreach (var layer in architecture.HiddenLayers.Append(1))
        {
            multiplyAdds += (long)width * layer;
            width = layer;
        }
        var training = (6.0 * multiplyAdds) + (TrainingFlopsPerFeature * architecture.ConcatWidth);
        var inference = (2.0 * multiplyAdds) + (InferenceFlopsPerFeature * architecture.ConcatWidth);
        return (training * trainRows) + (inference * validRows);
    }

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

    /// <summary>The benchmark's model on <paramref name="train"/>'s columns (the book's dropout).</summary>
    public static ModelArchitecture Architecture(EncodedSplit train, IReadOnlyList<int> hiddenLayers, Activation activation, ModelForm form = ModelForm.Fused) =>
        new(train.Columns.ToArray(), SyntheticData.RealCardinalities.ToArray(), TrainStage.EmbeddingDim, hiddenLayers.ToArray(), activation, DropoutRate, form);

    /// <summary>
    /// exp7's model (hidden layers [64, 32], sigmoid output, learning rate 0.003, the benchmark's delay weight)
    /// in <paramref name="form"/> on the given splits: the fused form trains on the managed step, the per-column
    /// one through autograd.
    /// </summary>
    public static EpochTiming MeasureExp7(EncodedSplit train, EncodedSplit valid, int epochs = 2, int batchSize = 1000, int threads = 1,
        ModelForm form = ModelForm.Fused) =>
        Measure(form, train, valid, epochs, batchSize, threads, Exp7HiddenLayers, Exp7Activation, Exp7LearningRate);

    private static EpochTiming Measure(ModelForm form, EncodedSplit trainSplit, EncodedSplit validSplit, int epochs, int batchSize, int threads,
        IReadOnlyList<int>? hiddenLayers = null, Activation activation = Activation.HardSigmoid, double learningRate = LearningRate)
    {
        TorchRuntime.Pin(threads, 1);
        var architecture = Architecture(trainSplit, hiddenLayers ?? [], activation, form);
        using var model = StreetcarModel.Create(architecture);
        using var train = TensorSplit.From(trainSplit, model, new ClassWeights(1.0, PositiveWeight));
        using var valid = TensorSplit.From(validSplit, model, new ClassWeights(1.0, 1.0));
        var timer = new EpochTimer();
        Trainer.Fit(model, train, valid, new TrainingOptions("bench", epochs + 1, batchSize, learningRate, 7, 1, 1), [timer]);
        return new EpochTiming(form, trainSplit.Rows, batchSize, threads, timer.Seconds.Skip(1).ToArray(), timer.CpuSeconds.Skip(1).ToArray(),
            architecture.HiddenLayers, timer.Path, EpochFlops(architecture, trainSplit.Rows, validSplit.Rows));
    }

    private sealed class EpochTimer : ITrainingCallback
    {
        private readonly Stopwatch _watch = new();
        private TimeSpan _cpu;

        public List<double> Seconds { get; } = [];

        public List<double> CpuSeconds { get; } = [];

        public TrainingPath Path { get; private set; }

        public void OnTrainBegin(TrainingPlan plan)
        {
            Path = plan.Path;
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
