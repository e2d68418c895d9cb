using System.Diagnostics;
using System.Globalization;
using Streetcar.Core.Config;
using Streetcar.Prepare;
using Streetcar.Prepare.Ingest;
using Streetcar.Train.Benchmarks;
using Streetcar.Train.Model;

// Benchmarks of the pipeline's hot paths. Each figure is reported next to a baseline measured in the same run,
// so that ratios stay comparable across machines and load:
//   prepare: reading the six workbooks (ingest only) is the baseline for the whole cold Prepare;
//   train:   the per-column model (the book's formulation) is the baseline for the fused one.
// Usage: streetcar-bench [--data-source DIR] [--runs N] [--epochs N] [--only prepare|train]

var dataSource = Arg("--data-source") ?? Environment.GetEnvironmentVariable("STREETCAR_DATA_SOURCE") ?? "../shared/data/ttc";
var runs = int.Parse(Arg("--runs") ?? "3", CultureInfo.InvariantCulture);
var epochs = int.Parse(Arg("--epochs") ?? "3", CultureInfo.InvariantCulture);
var only = Arg("--only");
var rows = new List<(string Name, IReadOnlyList<double> Seconds, string? Baseline)>();

if (only is null or "prepare")
{
    var workbooks = PrepareStage.WorkbooksIn(dataSource);
    var config = PrepareStage.ReadConfig(Path.Combine(RepoRoot(), "data", "prepare.yml"));
    var split = new SplitConfig();
    rows.Add(("prepare: ingest six workbooks", Time(runs, () => IncidentIngest.ReadAll(workbooks)), null));
    rows.Add(("prepare: cold, workbooks to written splits", Time(runs, () =>
    {
        var output = Directory.CreateTempSubdirectory("bench-prepare").FullName;
        try
        {
            var grid = PrepareStage.BuildGrid(config, workbooks);
            PrepareStage.WriteSplits(output, grid, PrepareStage.Split(grid, split, seed: 42));
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }), "prepare: ingest six workbooks"));
}

if (only is null or "train")
{
    // The first epoch warms up libtorch and is left out of each timing.
    foreach (var timing in EpochBenchmark.Compare(epochs: epochs + 1))
    {
        var name = timing.Form == ModelForm.PerColumn ? "train: epoch, per-column model" : "train: epoch, fused model";
        rows.Add((name, timing.EpochSeconds, timing.Form == ModelForm.PerColumn ? null : "train: epoch, per-column model"));
    }
}

Console.WriteLine();
Console.WriteLine($"{"benchmark",-46} {"n",3} {"best s",8} {"median s",9}  ratio to baseline (median)");
foreach (var (name, seconds, baseline) in rows)
{
    var ratio = baseline is null ? "baseline" : $"{Median(seconds) / Median(rows.Single(r => r.Name == baseline).Seconds):F2} x ({baseline})";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-46} {seconds.Count,3} {seconds.Min(),8:F2} {Median(seconds),9:F2}  {ratio}"));
}
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
return 0;

static double[] Time(int runs, Action action)
{
    var seconds = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        seconds[i] = watch.Elapsed.TotalSeconds;
    }
    return seconds;
}

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "streetcar-experiments.sln")))
        {
            return dir.FullName;
        }
    }
    return Environment.CurrentDirectory;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
