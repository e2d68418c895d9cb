using Streetcar.Core.Config;
using Streetcar.Core.Randomness;
using Streetcar.Evaluate.Metrics;

namespace Streetcar.Report.Statistics;

/// <summary>
/// Paired bootstrap over test rows: draw the test rows with replacement (<see cref="Resamples"/> times, SplitMix64
/// seeded with <see cref="Seed"/>), score both models on the same draw, and take the central 95 % of the differences.
/// Both models are scored on the same rows, so what they share (an easy or a hard sample of slots) cancels and the
/// interval measures how much the gap depends on which rows the test set happened to draw. It says nothing of seed
/// noise (one model each) or of later years.
/// </summary>
/// <remarks>
/// A resample is a row multiplicity per row; the metrics are computed with those weights on each model's rows sorted
/// once, so a resample costs a pass over the rows rather than a sort. Ties of score are counted together, as
/// <see cref="RankingMetrics"/> does, so the unit weights give its figures exactly.
/// </remarks>
public static class RowBootstrap
{
    /// <summary>Resamples drawn (B).</summary>
    public const int Resamples = 1_000;

    /// <summary>The generator's fixed seed.</summary>
    public const ulong Seed = 19;

    /// <summary>One model's test scores and, for the threshold metrics, its threshold.</summary>
    public sealed record Model(float[] Scores, double Threshold);

    /// <summary>The gap best − runner-up on <paramref name="metric"/>, with its interval.</summary>
    public static TestGap Gap(string best, string runnerUp, PrimaryMetric metric, byte[] labels, Model a, Model b, double level = 0.95, int resamples = Resamples)
    {
        Levels.Check(level);
        if (a.Scores.Length != labels.Length || b.Scores.Length != labels.Length)
        {
            throw new ArgumentException($"{labels.Length} test rows but {a.Scores.Length} and {b.Scores.Length} scores: not the same test split");
        }
        var n = labels.Length;
        var (sa, sb) = (Sorted.Of(a.Scores), Sorted.Of(b.Scores));
        var unit = new byte[n];
        Array.Fill(unit, (byte)1);
        var valueA = Metric(metric, labels, a, sa, unit);
        var valueB = Metric(metric, labels, b, sb, unit);
        // Each resample draws from its own generator, seeded from the master one in resample order: the differences
        // do not depend on how the resamples are spread over threads.
        var master = new SplitMix64(Seed);
        var seeds = new ulong[resamples];
        for (var r = 0; r < resamples; r++)
        {
            seeds[r] = master.NextUInt64();
        }
        var differences = new double[resamples];
        Parallel.For(0, resamples, () => new byte[n], (r, _, weights) =>
        {
            Array.Clear(weights);
            var random = new SplitMix64(seeds[r]);
            for (var i = 0; i < n; i++)
            {
                // A multiplicity above 255 has probability below 1e-400 for any n; checked, so it could never wrap.
                var row = Below(random, n);
                weights[row] = checked((byte)(weights[row] + 1));
            }
            differences[r] = Metric(metric, labels, a, sa, weights) - Metric(metric, labels, b, sb, weights);
            return weights;
        }, _ => { });
        var mean = differences.Average();
        var se = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (resamples - 1));
        Array.Sort(differences);
        var cut = (int)Math.Floor((1 - level) / 2 * resamples);
        return new TestGap(best, runnerUp, metric, valueA, valueB, new Interval(differences[cut], differences[resamples - 1 - cut], level), se, resamples, Seed, n);
    }

    /// <summary>
    /// A uniform integer in [0, n) from the next 64 bits, unbiased: Lemire's (2019) multiply-and-shift with rejection,
    /// which spares <see cref="SplitMix64.NextBelow"/>'s division on every one of the n · B draws.
    /// </summary>
    private static int Below(SplitMix64 random, int n)
    {
        var bound = (ulong)n;
        var high = Math.BigMul(random.NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = unchecked(0UL - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(random.NextUInt64(), bound, out low);
            }
        }
        return (int)high;
    }

    /// <summary>The metric with row weights (unit weights: the plain figure).</summary>
    public static double Metric(PrimaryMetric metric, byte[] labels, Model model, Sorted sorted, byte[] weights) => metric switch
    {
        PrimaryMetric.PrAuc => AveragePrecision(labels, sorted, weights),
        PrimaryMetric.RocAuc => RocAuc(labels, sorted, weights),
        _ => AtThreshold(metric, labels, model, weights),
    };

    private static double AveragePrecision(byte[] labels, Sorted s, byte[] w)
    {
        double positives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            positives += labels[i] * w[i];
        }
        if (positives == 0)
        {
            return double.NaN;
        }
        double ap = 0, previousRecall = 0, tp = 0, fp = 0;
        for (var k = 0; k < s.Order.Length; k++)
        {
            var row = s.Order[k];
            if (labels[row] == 1)
            {
                tp += w[row];
            }
            else
            {
                fp += w[row];
            }
            if (s.LastOfTie[k] && tp + fp > 0)
            {
                var recall = tp / positives;
                ap += (recall - previousRecall) * (tp / (tp + fp));
                previousRecall = recall;
            }
        }
        return ap;
    }

    private static double RocAuc(byte[] labels, Sorted s, byte[] w)
    {
        // Σ over tie groups (high to low) of the group's negatives × (positives above it + half the group's).
        double area = 0, tpAbove = 0, tpGroup = 0, fpGroup = 0, positives = 0, negatives = 0;
        for (var k = 0; k < s.Order.Length; k++)
        {
            var row = s.Order[k];
            if (labels[row] == 1)
            {
                tpGroup += w[row];
            }
            else
            {
                fpGroup += w[row];
            }
            if (s.LastOfTie[k])
            {
                area += fpGroup * (tpAbove + tpGroup / 2);
                tpAbove += tpGroup;
                positives += tpGroup;
                negatives += fpGroup;
                (tpGroup, fpGroup) = (0, 0);
            }
        }
        return positives == 0 || negatives == 0 ? double.NaN : area / (positives * negatives);
    }

    private static double AtThreshold(PrimaryMetric metric, byte[] labels, Model model, byte[] w)
    {
        long tn = 0, fp = 0, fn = 0, tp = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var delay = model.Scores[i] >= model.Threshold;
            if (labels[i] == 1)
            {
                if (delay)
                {
                    tp += w[i];
                }
                else
                {
                    fn += w[i];
                }
            }
            else if (delay)
            {
                fp += w[i];
            }
            else
            {
                tn += w[i];
            }
        }
        var c = new ConfusionMatrix(tn, fp, fn, tp);
        return metric switch
        {
            PrimaryMetric.F1 => c.F1,
            PrimaryMetric.Recall => c.Recall,
            _ => c.Accuracy,
        };
    }

    /// <summary>Rows in descending score order and where each tie of equal scores ends.</summary>
    public sealed record Sorted(int[] Order, bool[] LastOfTie)
    {
        public static Sorted Of(float[] scores)
        {
            var keys = new float[scores.Length];
            var order = new int[scores.Length];
            for (var i = 0; i < scores.Length; i++)
            {
                // Descending as the ascending order of −score (the runtime's primitive sort).
                keys[i] = -scores[i];
                order[i] = i;
            }
            Array.Sort(keys, order);
            var last = new bool[keys.Length];
            for (var k = 0; k < keys.Length; k++)
            {
                last[k] = k == keys.Length - 1 || keys[k + 1] != keys[k];
            }
            return new Sorted(order, last);
        }
    }
}
