using Streetcar.Core.Config;

namespace Streetcar.Report.Statistics;

/// <summary>
/// The gap on test between the recommended experiment's serving model and the runner-up's, with its paired
/// bootstrap interval over test rows (<see cref="RowBootstrap"/>): the test-set noise of the gap, which the
/// intervals over repeats leave out. One record, so the summary, the recommendation and metrics.json print the same
/// number.
/// </summary>
/// <param name="Best">The recommended experiment (first on validation).</param>
/// <param name="RunnerUp">The second on validation.</param>
/// <param name="BestValue">The best's test value of <paramref name="Metric"/> (its serving repeat, all test rows).</param>
/// <param name="RunnerUpValue">The runner-up's.</param>
/// <param name="Interval">Percentile interval of <see cref="Difference"/> over the resamples.</param>
/// <param name="StandardError">Standard deviation of the resampled differences.</param>
/// <param name="Rows">Test rows resampled.</param>
public sealed record TestGap(
    string Best,
    string RunnerUp,
    PrimaryMetric Metric,
    double BestValue,
    double RunnerUpValue,
    Interval Interval,
    double StandardError,
    int Resamples,
    ulong Seed,
    int Rows)
{
    /// <summary>Best − runner-up on test.</summary>
    public double Difference => BestValue - RunnerUpValue;
}
