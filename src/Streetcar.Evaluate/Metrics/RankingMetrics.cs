using MathNet.Numerics.Statistics;

namespace Streetcar.Evaluate.Metrics;

/// <summary>Threshold-free metrics of a scored binary problem.</summary>
public static class RankingMetrics
{
    /// <summary>
    /// Area under the ROC curve, as the Mann–Whitney U statistic with average ranks for ties (equal to the
    /// trapezoidal area, and to scikit-learn's roc_auc_score). NaN when one class is absent.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores)
    {
        var keys = scores.ToArray();
        if (!Array.Exists(keys, float.IsNaN))
        {
            return RocAucSorted(labels, keys);
        }
        var data = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            data[i] = scores[i];
        }
        var ranks = ArrayStatistics.RanksInplace(data, RankDefinition.Average);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1)
            {
                positives++;
                rankSum += ranks[i];
            }
        }
        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>
    /// <see cref="RocAuc"/> of scores without NaN: one sort of the float keys (the runtime's primitive sort, this
    /// runs every epoch over the validation split), then the average rank of each tie group. The same value as
    /// the ranks' route bit for bit: every rank is a whole or half number, so the sum of the positives' ranks is
    /// exact in double in any order.
    /// </summary>
    private static double RocAucSorted(ReadOnlySpan<byte> labels, float[] keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(keys, order);
        double positives = 0, rankSum = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            var inGroup = 0;
            for (var i = start; i < end; i++)
            {
                inGroup += labels[order[i]] == 1 ? 1 : 0;
            }
            // Ranks start + 1 .. end (1-based), their average for every row of the tie.
            positives += inGroup;
            rankSum += inGroup * ((start + 1 + end) / 2.0);
            start = end;
        }
        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>
    /// Area under the precision–recall curve as average precision, Σ (Rₙ − Rₙ₋₁)·Pₙ over the distinct
    /// scores from high to low (scikit-learn's average_precision_score). NaN when there is no positive.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var keys = scores.ToArray();
        if (Array.Exists(keys, float.IsNaN))
        {
            Array.Sort(keys, order, Comparer<float>.Create((a, b) => b.CompareTo(a)));
        }
        else
        {
            // High to low as the ascending order of −score: the runtime's sort of primitive keys, several
            // times faster than one through a comparer delegate (this runs every epoch on the validation
            // split). The order within a tie differs, and does not matter: a tie is counted at its last row.
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = -keys[i];
            }
            Array.Sort(keys, order);
        }

        long totalPositives = 0;
        foreach (var label in labels)
        {
            totalPositives += label;
        }
        if (totalPositives == 0)
        {
            return double.NaN;
        }

        double ap = 0, previousRecall = 0;
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (labels[order[i]] == 1)
            {
                tp++;
            }
            else
            {
                fp++;
            }
            var lastOfTie = i == order.Length - 1 || keys[i + 1] != keys[i];
            if (lastOfTie)
            {
                var recall = (double)tp / totalPositives;
                var precision = (double)tp / (tp + fp);
                ap += (recall - previousRecall) * precision;
                previousRecall = recall;
            }
        }
        return ap;
    }
}
