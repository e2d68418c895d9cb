namespace Streetcar.Train.Benchmarks;

/// <summary>Measured training time of one model form.</summary>
/// <param name="Form">Model formulation.</param>
/// <param name="Rows">Training rows per epoch.</param>
/// <param name="BatchSize">Rows per SGD step.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="EpochSeconds">Wall time of each measured epoch (training, then validation of a quarter as many rows, as in the real split).</param>
/// <param name="CpuSeconds">
/// Processor time of the process in each measured epoch: on a shared machine, less disturbed by other
/// processes than wall time (one libtorch thread, so about one core's worth).
/// </param>
public sealed record EpochTiming(Model.ModelForm Form, int Rows, int BatchSize, int Threads, IReadOnlyList<double> EpochSeconds, IReadOnlyList<double> CpuSeconds)
{
    /// <summary>Fastest epoch: the least disturbed by other processes on a shared machine.</summary>
    public double BestSeconds => EpochSeconds.Min();

    /// <summary>Mean over the measured epochs.</summary>
    public double MeanSeconds => EpochSeconds.Average();
}
