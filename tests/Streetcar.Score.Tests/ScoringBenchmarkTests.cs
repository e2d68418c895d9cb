using System.Diagnostics;
using System.Globalization;
using Streetcar.Core.Data;
using Streetcar.Core.Randomness;
using Streetcar.Score.Batch;
using Xunit.Abstractions;

namespace Streetcar.Score.Tests;

/// <summary>
/// Timings for the "done when" (printed, not asserted: the machine is shared). Uses the tiny model, or
/// the model folder in $STREETCAR_SCORE_BENCH_MODEL (e.g. a copy of a real trained model) when set.
/// </summary>
[Collection(TinyModelCollection.Name)]
public sealed class ScoringBenchmarkTests(TinyModel tiny, ITestOutputHelper output) : IDisposable
{
    private const int BatchRows = 100_000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Measure_Load_SinglePrediction_Batch100k()
    {
        var folder = Environment.GetEnvironmentVariable("STREETCAR_SCORE_BENCH_MODEL") is { Length: > 0 } env ? env : tiny.Folder;
        var clock = Stopwatch.StartNew();
        using var scorer = Scorer.Load(folder);
        var load = clock.Elapsed;

        var trips = Trips(scorer, BatchRows);
        clock.Restart();
        scorer.Score(trips[0]);
        var first = clock.Elapsed;
        var singles = new List<double>();
        foreach (var trip in trips.Take(50))
        {
            clock.Restart();
            scorer.Score(trip);
            singles.Add(clock.Elapsed.TotalMilliseconds);
        }

        File.WriteAllLines(_temp.Sub("trips.csv"), ["route,direction,datetime", .. trips.Select(t => $"{t.Route},{t.Direction},{t.Date:yyyy-MM-dd}T{t.Hour:00}:15")]);
        clock.Restart();
        var result = BatchScorer.ScoreFile(scorer, _temp.Sub("trips.csv"), _temp.Sub("scored.csv"));
        var batch = clock.Elapsed;

        Assert.Equal(BatchRows, result.Rows);
        clock.Restart();
        var encoded = trips.Select(scorer.Encoder.Encode).ToArray();
        var encode = clock.Elapsed;
        clock.Restart();
        foreach (var chunk in encoded.Chunk(BatchScorer.DefaultChunkRows))
        {
            scorer.Predict(chunk);
        }
        var predict = clock.Elapsed;
        output.WriteLine($"model {folder}");
        output.WriteLine($"load {load.TotalMilliseconds:F1} ms; first prediction {first.TotalMilliseconds:F2} ms; " +
            $"warm single prediction median {singles.Order().ElementAt(singles.Count / 2):F3} ms; " +
            $"batch of {BatchRows:N0} CSV rows {batch.TotalSeconds:F2} s ({result.Chunks} chunks); " +
            $"of which encoding alone {encode.TotalSeconds:F2} s, forward passes alone {predict.TotalSeconds:F2} s");
    }

    /// <summary>Random trips every encoder of <paramref name="scorer"/> knows.</summary>
    private static TripDescription[] Trips(Scorer scorer, int count)
    {
        var random = new SplitMix64(5);
        string Pick(string column)
        {
            var values = scorer.Encoder.EncoderOf(column).Values;
            return values[random.NextBelow(values.Count)];
        }
        return Enumerable.Range(0, count).Select(_ =>
        {
            var year = int.Parse(Pick(FeatureColumns.Year), CultureInfo.InvariantCulture);
            var date = new DateOnly(year, 1, 1).AddDays(random.NextBelow(365));
            return new TripDescription(Pick(FeatureColumns.Route), Pick(FeatureColumns.Direction), date, random.NextBelow(24));
        }).ToArray();
    }
}
