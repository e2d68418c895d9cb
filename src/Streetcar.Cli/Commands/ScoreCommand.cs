using System.CommandLine;
using System.Diagnostics;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Cli.Scoring;
using Streetcar.Core.Errors;
using Streetcar.Evaluate.Calibration;
using Streetcar.Score;
using Streetcar.Score.Batch;

namespace Streetcar.Cli.Commands;

/// <summary>
/// <c>streetcar score</c>: the book's scoring shortcut. Scores one described trip, or a CSV of trips, with an
/// experiment's trained model from the stage cache (or any model folder); never trains.
/// </summary>
public static class ScoreCommand
{
    private static readonly Option<string?> Route = new("--route") { Description = "Route number, e.g. 501.", HelpName = "ROUTE" };
    private static readonly Option<string?> Direction = new("--direction") { Description = "Direction: e, w, n, s or b.", HelpName = "DIR" };
    private static readonly Option<string?> At = new("--at") { Description = "Date and time of the trip, local Toronto wall-clock time without an offset or Z, e.g. 2019-06-14T08:30 (the hour's slot is scored).", HelpName = "DATETIME" };
    private static readonly Option<string?> Date = new("--date") { Description = "Date of the trip (yyyy-MM-dd), with --hour.", HelpName = "DATE" };
    private static readonly Option<string?> Hour = new("--hour") { Description = "Hour of the trip, 0–23, with --date.", HelpName = "HOUR" };
    private static readonly Option<string?> Experiment = new("--experiment", "-e")
    {
        Description = $"Experiment whose cached model scores. Default: the report's recommendation in results/metrics.json (best validation mean of the primary metric), else {ChosenExperiment.Fallback}.",
        HelpName = "NAME",
    };
    private static readonly Option<string?> Model = new("--model") { Description = "Score with this model folder instead of an experiment's cached one.", HelpName = "DIR" };
    private static readonly Option<string> UnseenYear = new Option<string>("--unseen-year")
    {
        Description = "A year the model never saw: error (default), or latest (score as the latest known year, noted in the output).",
        DefaultValueFactory = _ => "error",
    }.AcceptOnlyFromAmong("error", "latest");
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object instead of text." };
    private static readonly Option<string?> Input = new("--input") { Description = "CSV of trips (route,direction,datetime or route,direction,date,hour; local times, no offsets) to score in batch, with --output.", HelpName = "FILE" };
    private static readonly Option<string?> Output = new("--output") { Description = "CSV to write: the input rows plus delay_probability,predicted_delay.", HelpName = "FILE" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("score", "Scores a trip (--route --direction --at, or --date --hour) or a CSV of trips (--input --output) with an experiment's trained model; prints the model's raw score and the predicted class (the threshold applies to the raw score), the calibrated chance of a delay (fitted on validation) and the encoded inputs.")
        {
            Route, Direction, At, Date, Hour, Experiment, Model, UnseenYear, Json, Input, Output,
        };
        command.SetAction(result =>
        {
            var years = result.GetValue(UnseenYear) == "latest" ? UnseenYearPolicy.LatestKnown : UnseenYearPolicy.Error;
            var (input, output) = (result.GetValue(Input), result.GetValue(Output));
            if ((input is null) != (output is null))
            {
                throw new PipelineException("batch scoring needs both --input FILE and --output FILE", ExitCodes.Usage);
            }
            if (input is not null && TripOptionGiven(result) is { } option)
            {
                throw new PipelineException($"{option} describes one trip and --input a CSV of trips: give one or the other", ExitCodes.Usage);
            }
            var trip = input is null ? Trip(result) : null;
            var (folder, experiment, model, threshold, calibration) = ResolveModel(result, console);
            if (input is not null)
            {
                // Before the model loads: a refused path is found in milliseconds, not after libtorch starts. The
                // model's own files are inputs too: --output must not land on its weights.
                BatchScorer.CheckPaths(input, output!, ModelFiles(folder));
            }
            var json = result.GetValue(Json);

            var clock = Stopwatch.StartNew();
            Scorer.StartTorch();
            var start = clock.Elapsed;
            clock.Restart();
            using var scorer = Scorer.Load(folder, years, threshold);
            var load = new ScoreTimings(start, clock.Elapsed);
            experiment ??= scorer.Experiment;
            clock.Restart();
            if (trip is not null)
            {
                var score = scorer.Score(trip);
                var predict = clock.Elapsed;
                console.Info(json ? ScoreReport.JsonOf(score, experiment, model, calibration).TrimEnd() : ScoreReport.Text(score, experiment, model, load, predict, calibration));
            }
            else
            {
                var scored = BatchScorer.ScoreFile(scorer, input!, output!, ModelFiles(folder));
                var elapsed = clock.Elapsed;
                console.Info(json
                    ? ScoreReport.JsonOf(scored, input!, output!, experiment, model).TrimEnd()
                    : ScoreReport.Text(scored, input!, output!, experiment, model, scorer.Threshold, load, elapsed));
            }
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<string> ModelFiles(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    /// <summary>The first single-trip option given (--route, --direction, --at, --date, --hour), if any.</summary>
    private static string? TripOptionGiven(ParseResult result) =>
        new[] { Route, Direction, At, Date, Hour }.FirstOrDefault(o => result.GetResult(o) is { Implicit: false })?.Name;

    /// <summary>The trip of the options; a missing, conflicting or malformed option is a usage error.</summary>
    private static TripDescription Trip(ParseResult result)
    {
        var route = result.GetValue(Route) ?? throw Usage("give a trip (--route, --direction and --at or --date with --hour) or a CSV (--input and --output)");
        if (!route.Trim().All(char.IsAsciiDigit) || route.Trim().Length == 0)
        {
            // A malformed route is a wrong option value (usage); a well-formed one the model never saw stays a scoring
            // failure (exit 2) that lists the routes it knows, as an unseen year does.
            throw Usage($"--route '{route}' is not a route number (whole digits, e.g. 501)");
        }
        var direction = result.GetValue(Direction) ?? throw Usage("--direction is required with --route (e, w, n, s or b)");
        var (at, date, hour) = (result.GetValue(At), result.GetValue(Date), result.GetValue(Hour));
        return (at, date, hour) switch
        {
            ({ } text, null, null) => TripDescription.At(route, direction, Option("--at", () => TripDescription.ParseDateTime(text))),
            (null, { } day, { } h) => new TripDescription(route, direction,
                Option("--date", () => TripDescription.ParseDate(day)), Option("--hour", () => TripDescription.ParseHour(h))),
            _ => throw Usage("give the trip's time as --at DATETIME, or as --date DATE with --hour HOUR (not both)"),
        };
    }

    private static PipelineException Usage(string message) => new(message, ExitCodes.Usage);

    private static T Option<T>(string name, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (PipelineException e)
        {
            throw Usage($"{name}: {e.Message}");
        }
    }

    /// <summary>
    /// The model folder to load, the experiment name when known, how to name the model in the output, and the
    /// experiment's threshold (null with --model: the folder's own).
    /// </summary>
    private static (string Folder, string? Experiment, string Model, double? Threshold, Calibrator? Calibration) ResolveModel(ParseResult result, CliConsole console)
    {
        if (result.GetValue(Model) is { } folder)
        {
            return (folder, result.GetValue(Experiment), folder, null, null);
        }
        var workspace = CommonOptions.LocateWorkspace(result);
        var name = result.GetValue(Experiment) ?? ChosenExperiment.FromResults(workspace);
        var (entry, threshold, calibration) = ScoreStep.ServingModelOf(PipelineContext.Open(workspace, console, force: false), name);
        return (entry.Folder, name, entry.Key.ToString(), threshold, calibration);
    }
}
