using System.Globalization;
using System.Text.Json;
using Streetcar.Evaluate.Calibration;
using Streetcar.Score;
using Streetcar.Score.Batch;

namespace Streetcar.Cli.Scoring;

/// <summary>How the score verb prints its results: lines for people, or one JSON object (<c>--json</c>).</summary>
public static class ScoreReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>
    /// One scored trip, for people; <paramref name="model"/> names the model folder used. The raw score is what the
    /// threshold (and the book's confusion matrices) apply to; trained with delays weighted, it is not a probability.
    /// <paramref name="calibration"/> (fitted on validation) turns it into the chance of a delay a rider can read.
    /// </summary>
    public static string Text(TripScore score, string experiment, string model, ScoreTimings load, TimeSpan predict, Calibrator? calibration = null)
    {
        var inputs = string.Join("  ", score.Encoded.Inputs.Select(i => $"{i.Column}={i.Value}→{i.Code}"));
        var verdict = score.PredictedDelay ? "delay" : "no delay";
        var lines = new List<string>
        {
            $"{experiment}: {score.Trip}",
            $"  raw score          {score.Probability.ToString("F4", CultureInfo.InvariantCulture)} (the model's output; the threshold applies to it, it is not a probability)",
            $"  predicted          {verdict} (a delay when the raw score is ≥ the threshold {score.Threshold.ToString(CultureInfo.InvariantCulture)})",
            calibration is null
                ? "  chance of a delay  not available (no calibration: the serving repeat's evaluation is not cached, or --model was given)"
                : $"  chance of a delay  {calibration.Apply(score.Probability).ToString("F4", CultureInfo.InvariantCulture)} (the raw score calibrated on validation, {calibration.Method})",
            $"  encoded inputs     {inputs}",
        };
        lines.AddRange(score.Notes.Select(n => $"  note: {n}"));
        lines.Add($"  model {model}; libtorch started in {Ms(load.TorchStart)} ms, model loaded in {Ms(load.ModelLoad)} ms, trip scored in {Ms(predict)} ms");
        return string.Join('\n', lines);
    }

    /// <summary>One scored trip as JSON (no timings: the same trip gives the same text).</summary>
    /// <remarks><c>probability</c> is the raw score (kept for existing readers); <c>chance_of_delay</c> the calibrated one, null without a calibration.</remarks>
    public static string JsonOf(TripScore score, string experiment, string model, Calibrator? calibration = null) => JsonSerializer.Serialize(new
    {
        experiment,
        model,
        trip = new { route = score.Trip.Route, direction = score.Trip.Direction, date = score.Trip.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hour = score.Trip.Hour },
        probability = score.Probability,
        chance_of_delay = calibration?.Apply(score.Probability),
        calibration = calibration?.Method,
        threshold = score.Threshold,
        predicted_delay = score.PredictedDelay,
        inputs = score.Encoded.Inputs,
        notes = score.Notes,
    }, Json);

    /// <summary>A batch run, for people.</summary>
    public static string Text(BatchResult result, string input, string output, string experiment, string model, double threshold, ScoreTimings load, TimeSpan score)
    {
        var lines = new List<string>
        {
            $"{experiment}: scored {result.Rows:N0} row{(result.Rows == 1 ? "" : "s")} of {input} into {output} in {score.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s " +
            $"({result.Chunks} chunk{(result.Chunks == 1 ? "" : "s")}); {result.PredictedDelays:N0} predicted delay{(result.PredictedDelays == 1 ? "" : "s")} at threshold {threshold.ToString(CultureInfo.InvariantCulture)}",
        };
        lines.AddRange(result.Notes.Select(n => $"  note ({n.Value:N0} rows): {n.Key}"));
        lines.Add($"  model {model}; libtorch started in {Ms(load.TorchStart)} ms, model loaded in {Ms(load.ModelLoad)} ms");
        return string.Join('\n', lines);
    }

    /// <summary>A batch run as JSON.</summary>
    public static string JsonOf(BatchResult result, string input, string output, string experiment, string model) => JsonSerializer.Serialize(new
    {
        experiment,
        model,
        input,
        output,
        rows = result.Rows,
        predicted_delays = result.PredictedDelays,
        notes = result.Notes.Select(n => new { note = n.Key, rows = n.Value }),
    }, Json);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
}
