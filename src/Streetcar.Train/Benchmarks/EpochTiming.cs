using Streetcar.Train.Training;

namespace Streetcar.Train.Benchmarks;

/// <summary>Measured training time of one model.</summary>
/// <param name="Form">Model formulation.</param>
/// <param name="Rows">Training rows per epoch.</param>
/// <param name="BatchSize">Rows per SGD step.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="EpochSeconds">Wall time of each measured epoch (training, then validation of a quarter as many rows, as in the real split).</param>
/// <param name="CpuSeconds">
/// Processor time of the process in each measured epoch: on a shared machine, less disturbed by other
/// processes than wall time (one libtorch thread, so about one core's worth).
/// </param>
/// <param name="HiddenLayers">Widths of the model's hidden layers (none: the book's model).</param>
/// <param name="Path">Which code trained it.</param>
/// <param name="EpochFlops">Floating-point operations of one epoch, training and validation (see <see cref="EpochBenchmark.EpochFlops"/>).</param>
public sealed record EpochTiming(Model.ModelForm Form, int Rows, int BatchSize, int Threads, IReadOnlyList<double> EpochSeconds, IReadOnlyList<double> CpuSeconds,
    IReadOnlyList<int> HiddenLayers, TrainingPath Path, double EpochFlops)
{
    /// <summary>Fastest epoch: the least disturbed by other processes on a shared machine.</summary>
    public double BestSeconds => EpochSeconds.Min();

    /// <summary>Mean over the measured epochs.</summary>
    public double MeanSeconds => EpochSeconds.Average();
}
