using Streetcar.Cli.Models;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Pipeline;

/// <summary>Evaluate: scores every split with the run's kept model (of any kind) and caches its metrics.</summary>
public sealed class EvaluateStep : Stage
{
    public const string MetricsFile = "metrics.json";

    /// <summary>The test split's ROC and PR curves (<see cref="Evaluate.Metrics.ScoreCurves"/>), for the report's plots.</summary>
    public const string CurvesFile = "curves.json";

    /// <summary>The test split's raw scores, float32 little-endian in the prepared test split's row order (<see cref="EvaluateStage.TestScoresBytes"/>).</summary>
    public const string TestScoresFile = "test-scores.bin";

    public override string Name => "evaluate";

    public override int Version => EvaluateStage.Version;

    public override IReadOnlyList<string> ConfigKeys { get; } = ["threshold"];

    public override IReadOnlyList<StageInput> Inputs { get; } = [new("model", "train"), new("prepared", "split")];

    public override string Summary => "metrics of the kept model on every split";

    /// <summary>Scoring runs the model as its kind trains it.</summary>
    public override int Threads(ExperimentConfig config) => ModelKinds.Of(config).Threads(config);

    protected override void Produce(StageJob job, string folder) => StageTiming.Measure(folder, () =>
    {
        var run = job.Runs[0];
        var model = job.Inputs["model"];
        var data = job.HostAs<StageHost>().Prepared(job.Inputs["prepared"]);
        var kind = ModelKinds.OfFolder(model.Folder);
        using var predictor = kind.Load(model.Folder);
        EncodedSplit? trainSplit = null;
        ScoredSplit Score(string file)
        {
            job.Cancel.ThrowIfCancellationRequested();
            var split = data.Read(file);
            trainSplit ??= split;
            return new ScoredSplit(split.Labels, predictor.Predict(split));
        }
        var train = Score(PreparedLayout.Train);
        // The class weights the model was trained with: what the calibration's prior correction undoes.
        var (zeroWeight, oneWeight) = kind.ClassWeights(run.Config, trainSplit!);
        var input = new EvaluateInput(run.Experiment, predictor.ChosenLabel, run.Config.Threshold,
            train, Score(PreparedLayout.Valid), Score(PreparedLayout.Test))
        { ZeroWeight = zeroWeight, OneWeight = oneWeight };
        job.Cancel.ThrowIfCancellationRequested();
        var result = EvaluateStage.Run(input);
        StableJson.Write(Path.Combine(folder, MetricsFile), result);
        StableJson.Write(Path.Combine(folder, CurvesFile), EvaluateStage.TestCurves(input));
        File.WriteAllBytes(Path.Combine(folder, TestScoresFile), EvaluateStage.TestScoresBytes(input));
        var t = result.Test;
        job.Progress($"evaluate {run.Label}: test accuracy {t.Accuracy:F4}, recall {t.Recall:F4}, precision {t.Precision:F4}, false negatives {t.Confusion.FalseNegatives}, threshold {t.Threshold:F4} ({result.ThresholdRule})");
        if (result.CollapseReason is { } collapse)
        {
            job.Progress($"evaluate {run.Label}: collapsed ({collapse})");
        }
        foreach (var point in result.OperatingPoints.Where(p => p.Problem is not null))
        {
            job.Progress($"evaluate {run.Label}: operating point not computed: {point.Problem}");
        }
    });
}
