namespace Streetcar.Evaluate.Calibration;

/// <summary>One bin of a reliability diagram: rows whose calibrated probability falls in it.</summary>
/// <param name="MeanPredicted">Mean calibrated probability of the bin's rows.</param>
/// <param name="ObservedRate">Share of the bin's rows that are delays.</param>
/// <param name="Count">Rows in the bin.</param>
public sealed record ReliabilityBin(double MeanPredicted, double ObservedRate, long Count)
{
    /// <summary>
    /// About <paramref name="bins"/> bins of equal row count (quantiles of the calibrated probability: with 2 %
    /// delays, equal-width bins would put almost every row in the first); rows of equal probability stay in
    /// one bin, so there can be fewer bins.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> Quantiles(ReadOnlySpan<byte> labels, ReadOnlySpan<double> probabilities, int bins = 10)
    {
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {probabilities.Length} probabilities");
        }
        var keys = probabilities.ToArray();
        var order = labels.ToArray();
        Array.Sort(keys, order);
        var result = new List<ReliabilityBin>();
        var n = keys.Length;
        var start = 0;
        for (var b = 1; b <= bins && start < n; b++)
        {
            var end = Math.Max((int)((long)n * b / bins), start + 1);
            while (end < n && keys[end] == keys[end - 1])
            {
                end++;
            }
            double sum = 0;
            long ones = 0;
            for (var i = start; i < end; i++)
            {
                sum += keys[i];
                ones += order[i];
            }
            var count = end - start;
            result.Add(new ReliabilityBin(sum / count, (double)ones / count, count));
            start = end;
        }
        return result;
    }
}
