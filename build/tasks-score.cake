// Scoring: the CLI's `score` verb with a trained model, outside the pipeline's DAG (it never trains).
// Loaded by build.cake (#load "tasks-score.cake"); uses Paths and BuildParameters from there.
//   ./build.sh --target=Score --cli-args="--route 501 --direction e --at 2019-06-14T08:30"
//   ./build.sh --target=Score --cli-args="--experiment exp5 --input trips.csv --output scored.csv"

Task("Score")
    .Description("Scores a trip or a CSV of trips with a trained model: the score verb's options go in --cli-args=\"...\" (and --experiment=NAME).")
    .IsDependentOn("BuildCli")
    .Does<BuildParameters>(p =>
{
    if (string.IsNullOrEmpty(p.CliArgs))
    {
        throw new Exception("Score needs the trip: --cli-args=\"--route 501 --direction e --at 2019-06-14T08:30\" (or \"--input trips.csv --output scored.csv\")");
    }
    var arguments = new ProcessArgumentBuilder().Append("score");
    if (!string.IsNullOrEmpty(p.Experiment))
    {
        arguments.Append("--experiment").Append(p.Experiment);
    }
    arguments.Append(p.CliArgs);
    // A non-zero exit (unknown route, model not trained, ...) makes DotNetExecute throw, which fails the task.
    DotNetExecute(Paths.CliDll(p.Configuration), arguments);
});
