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
        using var predictor = ModelKinds.OfFolder(model.Folder).Load(model.Folder);
        ScoredSplit Score(string file)
        {
            job.Cancel.ThrowIfCancellationRequested();
            var split = data.Read(file);
            return new ScoredSplit(split.Labels, predictor.Predict(split));
        }
        var input = new EvaluateInput(run.Experiment, predictor.ChosenLabel, run.Config.Threshold,
            Score(PreparedLayout.Train), Score(PreparedLayout.Valid), Score(PreparedLayout.Test));
        job.Cancel.ThrowIfCancellationRequested();
        var result = EvaluateStage.Run(input);
        StableJson.Write(Path.Combine(folder, MetricsFile), result);
        StableJson.Write(Path.Combine(folder, CurvesFile), EvaluateStage.TestCurves(input));
        var t = result.Test;
        job.Progress($"evaluate {run.Label}: test accuracy {t.Accuracy:F4}, recall {t.Recall:F4}, precision {t.Precision:F4}, false negatives {t.Confusion.FalseNegatives}, threshold {t.Threshold:F4} ({result.ThresholdRule})");
    });
}
