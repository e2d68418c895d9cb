using System.Buffers.Binary;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Json;
using Streetcar.Report.Model;
using Streetcar.Report.Statistics;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// The recommendation's gap on test: the first two experiments on validation (<see cref="RecommendationRule"/>),
/// their serving models' saved test scores (<see cref="EvaluateStep.TestScoresFile"/>) and the test labels of their
/// split, through <see cref="RowBootstrap"/>.
/// </summary>
public static class ReportGap
{
    /// <summary>Name of the computed gaps' files in the cache's <c>.report/</c> folder (the report's memo, not an entry).</summary>
    public const string GapMemo = "gap";

    /// <summary>The report's memo folder in the cache (not a stage: never pushed, removed by `cache clear`).</summary>
    public const string MemoFolder = ".report";

    /// <summary>Bump when the gap's computation changes what it writes.</summary>
    public const int GapVersion = 1;


    public static (TestGap? Gap, string? Problem) Of(PipelineContext ctx, PipelineRun run, IReadOnlyList<ExperimentOutcome> outcomes, PrimaryMetric metric)
    {
        var (ranked, _) = RecommendationRule.Rank(outcomes, metric);
        if (ranked.Count < 2)
        {
            return (null, null);
        }
        if (Serving(run, outcomes, ranked[0].Name) is not { } best || Serving(run, outcomes, ranked[1].Name) is not { } second)
        {
            return (null, $"{ranked[0].Name} or {ranked[1].Name} is not among this run's experiments, so their test rows cannot be paired");
        }
        if (best.Run.SplitKey != second.Run.SplitKey)
        {
            return (null, $"{ranked[0].Name} and {ranked[1].Name} were tested on different rows (their serving repeats' splits differ), so the gap cannot be paired over test rows");
        }
        var a = Scores(ctx, best.Run);
        var b = Scores(ctx, second.Run);
        if (a is null || b is null || !ctx.Cache.TryOpen(best.Run.SplitKey, out var split))
        {
            return (null, $"the test scores of {ranked[0].Name} or {ranked[1].Name} are not in the cache (evaluated before they were saved), so the gap has no interval");
        }
        // A thousand resamples of ~590,000 rows take seconds: the gap is kept as a function of the two evaluations
        // (which hold the scores, the thresholds and, through their split, the labels), so a report with nothing new
        // to say stays fast. Kept beside the entries (.report/), not as one: it is the report's memo, never pushed,
        // and a damaged or missing file is simply computed again.
        var key = CacheKeyBuilder.For(GapMemo, GapVersion)
            .Input("best", best.Run.EvaluateKey).Input("runner_up", second.Run.EvaluateKey)
            .Param("names", $"{ranked[0].Name} vs {ranked[1].Name}").Param("metric", ConfigEnum.Name(metric))
            .Param("resamples", RowBootstrap.Resamples).Param("seed", (long)RowBootstrap.Seed)
            .Build();
        var memo = Path.Combine(ctx.Cache.Root, MemoFolder, $"{GapMemo}-{key.Hash}.json");
        try
        {
            if (File.Exists(memo))
            {
                return (StableJson.Read<TestGap>(memo), null);
            }
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            // Computed again below and rewritten whole.
        }
        var labels = new PreparedData(best.Run.SplitKey, split.Folder).Read(PreparedLayout.Test).Labels;
        var gap = RowBootstrap.Gap(ranked[0].Name, ranked[1].Name, metric, labels,
            new RowBootstrap.Model(a, best.Outcome.Evaluation!.Test.Threshold), new RowBootstrap.Model(b, second.Outcome.Evaluation!.Test.Threshold));
        Directory.CreateDirectory(Path.GetDirectoryName(memo)!);
        var temporary = $"{memo}.{Environment.ProcessId}.tmp";
        StableJson.Write(temporary, gap);
        File.Move(temporary, memo, overwrite: true);
        return (gap, null);
    }

    private static (ExperimentRun Run, ExperimentOutcome Outcome)? Serving(PipelineRun run, IReadOnlyList<ExperimentOutcome> outcomes, string name)
    {
        var experiment = run.Experiments.FirstOrDefault(e => e.Name == name);
        var outcome = outcomes.FirstOrDefault(o => o.Name == name);
        return experiment is null || outcome is null ? null : (experiment.Runs.Single(r => r.Repeat == outcome.ServingRepeat), outcome);
    }

    private static float[]? Scores(PipelineContext ctx, ExperimentRun run)
    {
        if (!ctx.Cache.TryOpen(run.EvaluateKey, out var entry) || !File.Exists(entry.PathOf(EvaluateStep.TestScoresFile)))
        {
            return null;
        }
        var bytes = File.ReadAllBytes(entry.PathOf(EvaluateStep.TestScoresFile));
        var scores = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }
        return scores;
    }
}
