using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Prepare.Output;
using Streetcar.Report;
using Streetcar.Report.Model;
using Streetcar.Train.Saving;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Pipeline;

/// <summary>Report: gathers the cached data summary, histories and metrics, and renders results/.</summary>
public static class ReportStep
{
    public static ReportInput Gather(PipelineContext ctx, PipelineRun run, PreparedData prepared, IReadOnlyList<SanityTrip> scoring)
    {
        var failures = new FailureLog(ctx.Workspace);
        var outcomes = run.Experiments.Select(e => Outcome(ctx, e, failures))
            .Concat(run.InvalidExperiments.Select(i => ExperimentOutcome.Failed(i.Key, "invalid config", "-", 0, i.Value)))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        return new ReportInput(Facts(prepared.Summary()), outcomes, scoring);
    }

    public static void Write(PipelineContext ctx, ReportInput input)
    {
        ReportStage.Write(input, ctx.Workspace.Results);
        ctx.Console.Info($"report: wrote {Path.GetRelativePath(ctx.Workspace.Root, ctx.Workspace.Report)} ({input.Experiments.Count} experiments)");
    }

    private static ExperimentOutcome Outcome(PipelineContext ctx, Experiment e, FailureLog failures)
    {
        var hash = e.ConfigHash;
        if (failures.FailedWith(e.Name, e.TrainKey) is { } error)
        {
            return ExperimentOutcome.Failed(e.Name, e.Changes, hash, e.Config.Epochs, error) with { TestPeriod = TestPeriod(e) };
        }
        if (!ctx.Cache.TryOpen(e.EvaluateKey, out var evaluation) || !ctx.Cache.TryOpen(e.TrainKey, out var model))
        {
            return ExperimentOutcome.Failed(e.Name, e.Changes, hash, e.Config.Epochs, "not trained and evaluated yet (run ./build.sh --target=AllExperiments)") with { TestPeriod = TestPeriod(e) };
        }
        var history = StableJson.Read<TrainingHistory>(model.PathOf(ModelFolderLayout.History));
        var metrics = StableJson.Read<EvaluationResult>(evaluation.PathOf(EvaluateStep.MetricsFile));
        var points = history.Epochs.Select(r => new EpochPoint(r.Epoch, r.Loss, r.Accuracy, r.ValLoss, r.ValAccuracy)).ToList();
        var chosen = history.ChosenLabel;
        return new ExperimentOutcome(e.Name, e.Changes, hash, history.Epochs.Count, e.Config.Epochs, chosen, history.BestEpoch, points, metrics, null)
        {
            TestPeriod = TestPeriod(e),
        };
    }

    // The report's "Test period" of an out-of-time split; null for the random one.
    private static string? TestPeriod(Experiment e) => e.Config.Split.ByTime is { } byTime ? $"from {byTime.TestFrom}" : null;

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
        };
        notes.AddRange(ingest.Where(n => n.Count > 0));
        if (s.NewVintageAccepted)
        {
            notes.Add(new QualityNote("workbooks of a new vintage accepted on purpose (hash differs from the pin, or no pin)", s.Sources.Count(w => w.PinnedSha256 is not null || w.NotPinned)));
        }
        var split = s.Split;
        return new DataFacts(
            s.Sources.Select(w => new WorkbookPin(w.File, w.Sha256)).ToList(),
            s.Reshape.Mode,
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
            s.Vintage?.Describe());
    }
}
