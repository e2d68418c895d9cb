using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Prepare.Output;
using Streetcar.Report;
using Streetcar.Report.Model;
using Streetcar.Report.Statistics;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Pipeline;

/// <summary>Report: gathers the cached data summary, histories and metrics, and renders results/.</summary>
public static class ReportStep
{
    public static ReportInput Gather(PipelineContext ctx, PipelineRun run, PreparedData prepared, IReadOnlyList<SanityTrip> scoring)
    {
        var failures = new FailureLog(ctx.Workspace);
        var outcomes = run.Experiments.Select(e => Outcome(ctx, run, e, failures))
            .Concat(run.InvalidExperiments.Select(i => ExperimentOutcome.Failed(i.Key, "invalid config", "-", 0, i.Value)))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        var pairs = run.ReportConfig.Pairs([.. outcomes.Select(o => o.Name)])
            .Where(p => ScoredOnTheSameRows(run, p.Baseline, p.Candidate))
            .Select(p => new ExperimentPair(p.Baseline, p.Candidate))
            .ToArray();
        var settings = new ReportSettings { PrimaryMetric = run.ReportConfig.PrimaryMetric };
        var (gap, problem) = ReportGap.Of(ctx, run, outcomes, settings.PrimaryMetric);
        // The report labels the raw score and the calibrated probability apart: a rider reads the second.
        var calibrated = scoring.Select(t => outcomes.FirstOrDefault(o => o.Name == t.Experiment)?.Evaluation?.Calibration is { } c
            ? t with { Calibrated = c.Calibrator.Apply(t.Probability) }
            : t).ToArray();
        return new ReportInput(Facts(prepared.Summary()), outcomes, calibrated)
        {
            RepeatsOverride = run.RepeatsOverride,
            Pairs = pairs,
            Settings = settings,
            Gap = gap,
            GapProblem = problem,
        };
    }

    /// <summary>
    /// Whether two experiments' repeats are scored on the same test rows, repeat by repeat (the same split), which a
    /// paired comparison needs: an out-of-time experiment, or one with its own split seed, is not paired with a
    /// random-split one (their figures are side by side in the table, not tested against each other).
    /// </summary>
    /// <remarks>
    /// Nor is a gradient-boosting experiment paired with a network by repeat number: repeat i of two networks shares
    /// its torch and shuffle seeds, but a boosting repeat's seed has nothing to do with a network's, so "the same
    /// repeat" pairs nothing. The two best are compared over test rows instead (the recommendation's gap).
    /// </remarks>
    private static bool ScoredOnTheSameRows(PipelineRun run, string baseline, string candidate)
    {
        var a = run.Experiments.FirstOrDefault(e => e.Name == baseline);
        var b = run.Experiments.FirstOrDefault(e => e.Name == candidate);
        return a is null || b is null
            || (a.Config.Model == b.Config.Model && a.Runs.Zip(b.Runs).All(p => p.First.SplitKey == p.Second.SplitKey));
    }

    /// <summary>
    /// Refuses to report while an experiment is neither evaluated nor recorded as failed: results/ is committed,
    /// and a report over a partial cache (a fresh clone, a removed entry, changed data) would clobber it.
    /// </summary>
    public static void EnsureComplete(PipelineContext ctx, PipelineRun run)
    {
        var failures = new FailureLog(ctx.Workspace);
        var missing = run.Experiments
            .Where(e => failures.FailedWith(e.Name, e.Key) is null)
            .Where(e => e.Runs.Any(r => !ctx.Cache.TryOpen(r.EvaluateKey, out _) || !ctx.Cache.TryOpen(r.TrainKey, out _)))
            .Select(e => e.Name)
            .ToArray();
        if (missing.Length > 0)
        {
            throw new PipelineException($"report: {string.Join(", ", missing)} not evaluated in the cache for the current data and configs; results/ left as it is (run `streetcar evaluate`, or ./build.sh --target=AllExperiments)");
        }
    }

    /// <summary>The experiments the report marks as failed (invalid config, or a failure recorded for their inputs), in name order.</summary>
    public static IReadOnlyList<EngineFailure> Failed(PipelineContext ctx, PipelineRun run)
    {
        var failures = new FailureLog(ctx.Workspace);
        return run.Experiments
            .Select(e => failures.FailedWith(e.Name, e.Key) is { } error ? new EngineFailure(e.Name, error, ExitCodes.Pipeline) : null)
            .OfType<EngineFailure>()
            .Concat(run.InvalidExperiments.Select(i => new EngineFailure(i.Key, i.Value, ExitCodes.Config)))
            .OrderBy(f => f.Experiment, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Replaces results/ as a whole: the report and <paramref name="info"/> (run-info.json) in one swap.</summary>
    public static void Write(PipelineContext ctx, ReportInput input, RunInfo info)
    {
        using var results = ctx.LockResults();
        try
        {
            ReportStage.Write(input, ctx.Workspace.Results, tree => info.Write(Path.Combine(tree, Workspace.RunInfoFile)), ctx.Cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // results/ became unwritable after the check at the start (a full disk, a read-only plots folder).
            throw new PipelineException($"report: cannot write the results folder {ctx.Workspace.Results}: {e.Message}");
        }
        ctx.Console.Info($"report: wrote {Path.GetRelativePath(ctx.Workspace.Root, ctx.Workspace.Report)} ({input.Experiments.Count} experiments)");
    }

    private static ExperimentOutcome Outcome(PipelineContext ctx, PipelineRun pipeline, Experiment e, FailureLog failures)
    {
        var hash = e.ConfigHash;
        if (failures.FailedWith(e.Name, e.Key) is { } error)
        {
            return ExperimentOutcome.Failed(e.Name, e.Changes, hash, e.MaxEpochs, error) with { TestPeriod = TestPeriod(e) };
        }
        var repeats = new List<(RepeatOutcome Outcome, TrainedModel History)>();
        foreach (var run in e.Runs)
        {
            if (Cached(ctx, run) is not { } cached)
            {
                return ExperimentOutcome.Failed(e.Name, e.Changes, hash, e.MaxEpochs, "not trained and evaluated yet (run ./build.sh --target=AllExperiments)") with { TestPeriod = TestPeriod(e) };
            }
            repeats.Add(cached);
        }
        var serving = ServingRule.Choose([.. repeats.Select(r => (r.Outcome.Repeat, r.Outcome.Evaluation))], pipeline.ReportConfig.PrimaryMetric);
        var (outcome, history) = repeats.Single(r => r.Outcome.Repeat == serving);
        var points = history.Epochs.Select(r => new EpochPoint(r.Epoch, r.Loss, r.Accuracy, r.ValLoss, r.ValAccuracy)).ToList();
        return new ExperimentOutcome(e.Name, e.Changes, hash, history.EpochsRun, e.MaxEpochs, history.ChosenLabel, history.BestEpoch, points, outcome.Evaluation, null)
        {
            Repeats = repeats.Select(r => r.Outcome).ToArray(),
            ServingRepeat = serving,
            TestPeriod = TestPeriod(e),
            Curves = Curves(ctx, e.Name, e.Runs.Single(r => r.Repeat == serving), outcome.Evaluation),
        };
    }

    /// <summary>The test curves <paramref name="run"/>'s evaluation recorded, for the report's ROC and PR plots.</summary>
    private static CurveSeries? Curves(PipelineContext ctx, string name, ExperimentRun run, EvaluationResult evaluation)
    {
        if (!ctx.Cache.TryOpen(run.EvaluateKey, out var entry) || !File.Exists(entry.PathOf(EvaluateStep.CurvesFile)))
        {
            return null;
        }
        var curves = StableJson.Read<ScoreCurves>(entry.PathOf(EvaluateStep.CurvesFile));
        var test = evaluation.Test;
        return new CurveSeries(name, curves, test.RocAuc, test.PrAuc, test.Confusion, test.Threshold);
    }

    /// <summary>A run's outcome and training history from the cache, or null when it is not trained and evaluated.</summary>
    public static (RepeatOutcome Outcome, TrainedModel History)? Cached(PipelineContext ctx, ExperimentRun run)
    {
        if (!ctx.Cache.TryOpen(run.EvaluateKey, out var evaluation) || !ctx.Cache.TryOpen(run.TrainKey, out var model))
        {
            return null;
        }
        var history = TrainedModel.Read(model);
        var metrics = StableJson.Read<EvaluationResult>(evaluation.PathOf(EvaluateStep.MetricsFile));
        var seeds = run.Config.Seeds;
        return (new RepeatOutcome(run.Repeat, seeds.Torch, seeds.Shuffle, seeds.Split, history.EpochsRun, history.ChosenEpoch,
            history.ValidLoss, metrics), history);
    }

    // The report's "Test period" of an out-of-time split; null for the random one.
    private static string? TestPeriod(Experiment e) => e.Config.Split.ByTime is { } byTime ? $"from {byTime.TestFrom}" : null;

    // The note names where the first dropped rows are, so a reader can open the file at that row.
    private static string UnreadableRowsNote(Prepare.Output.IngestSummary ingest) =>
        "rows dropped because their Report Date or Time is empty or unparseable" +
        (ingest.UnreadableRowSamples.Count == 0 ? "" : $" (first: {string.Join("; ", ingest.UnreadableRowSamples)})");

    private static DataFacts Facts(DataSummary s)
    {
        var notes = new List<QualityNote>
        {
            new("rows with a bad route removed", s.Clean.BadRoute),
            new("rows with a bad direction removed", s.Clean.BadDirection),
            new("rows with a bad vehicle removed", s.Clean.BadVehicle),
            new("duplicate rows in the route/direction table", s.Reshape.DuplicateTableRows),
            new("route/direction pairs that are never delayed", s.Reshape.PairsNeverPositive.Count),
            new("incidents dropped: their route/direction pair is not in the table", s.Reshape.IncidentsPairNotInTable),
            new("incidents outside the grid's dates", s.Reshape.IncidentsOutsideDates),
            new("grid days after the last incident in the data", s.Reshape.GridDaysAfterLastIncident),
        };
        // Notes of the republished and newer files; only when present, so the pinned vintage's report is unchanged.
        var ingest = new QualityNote[]
        {
            new("empty sheets skipped", s.Ingest.EmptySheetsSkipped),
            new("rows repeated across sheets of one workbook, counted once", s.Ingest.RowsRepeatedAcrossSheets),
            new("rows dated outside the year in their file's name (kept)", s.Ingest.RowsOutsideFileYear),
            new("sheets in the newer schema (Date, Line, Station, Code, Bound)", s.Ingest.SheetsWithNewerSchema),
            new(UnreadableRowsNote(s.Ingest), s.Ingest.RowsUnreadable),
        };
        notes.AddRange(ingest.Where(n => n.Count > 0));
        if (s.NewVintageAccepted)
        {
            notes.Add(new QualityNote("workbooks of a new vintage accepted on purpose (hash differs from the pin, or no pin)", s.Sources.Count(w => w.PinnedSha256 is not null || w.NotPinned)));
        }
        var split = s.Split;
        return new DataFacts(
            s.Sources.Select(w => new WorkbookPin(w.File, w.Sha256)).ToList(),
            ConfigEnum.Name(s.Reshape.Mode),
            s.Clean.RawRows,
            s.Clean.RowsAfterRemoval,
            s.Reshape.GridSlots,
            s.Reshape.Rows,
            s.Reshape.Delays,
            s.Reshape.NoDelays,
            split?.TrainRows ?? 0,
            split?.ValidRows ?? 0,
            split?.TestRows ?? 0,
            notes,
            s.Vintage?.Describe())
        {
            CleanRowsByYear = s.Clean.RowsAfterRemovalByYear,
            DistinctLocations = s.Clean.Location.After,
        };
    }
}
