using System.Diagnostics;
using System.Globalization;
using Streetcar.Bench;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Prepare;
using Streetcar.Prepare.Ingest;
using Streetcar.Testing;
using Streetcar.Train;
using Streetcar.Train.Benchmarks;
using Streetcar.Train.Model;

// Benchmarks of the pipeline's hot paths. Each figure is reported next to a baseline measured in the same run,
// so that ratios stay comparable across machines and load:
//   prepare: reading the six workbooks (ingest only) is the baseline for the whole cold Prepare;
//   train:   the same fused model in PyTorch (pytorch_epoch.py, Debian's python3-torch) and the per-column
//            model (the book's formulation) are the baselines for the fused one; exp7's model (hidden layers
//            [64, 32], sigmoid) in PyTorch is the baseline for it on the managed step. Each network row also
//            prints its achieved GFLOP/s (EpochBenchmark.EpochFlops over the median epoch, validation included).
//   boosting: XGBoost's hist fit of the same rows (xgboost_fit.py, Debian's python3-xgboost) is the baseline of the
//            LightGBM fit, ML.NET's own prediction the baseline of the managed tree scorer (BoostingBenchmark).
// Usage: streetcar-bench [--data-source DIR] [--runs N] [--epochs N] [--only prepare|train|boosting]
// Default data source: the pipeline's own data/raw when present, else $STREETCAR_DATA_SOURCE, else the shipped data/ttc.

const string PyTorchRow = "train: epoch, fused model in PyTorch";
const string PerColumnRow = "train: epoch, per-column model";
const string Exp7PyTorchRow = "train: epoch, exp7 model in PyTorch";
const string IngestRow = "prepare: ingest six workbooks";

try
{
    var runs = Count("--runs", 3);
    var epochs = Count("--epochs", 3);
    var only = Arg("--only");
    if (only is not (null or "prepare" or "train" or "boosting"))
    {
        throw new PipelineException($"--only: expected prepare, train or boosting, got '{only}'", 64);
    }
    var rows = new List<(string Name, IReadOnlyList<double>? Seconds, IReadOnlyList<double>? Cpu, string[] Baselines, string Note, double? Flops)>();

    if (only is null or "prepare")
    {
        var workbooks = PrepareStage.WorkbooksIn(DataSource());
        var config = PrepareStage.ReadConfig(Path.Combine(RepoPaths.Root, "data", "prepare.yml"));
        var split = new SplitConfig();
        rows.Add((IngestRow, Time(runs, () => IncidentIngest.ReadAll(workbooks)), null, [], "", null));
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
        }), null, [IngestRow], "", null));
    }

    if (only is null or "train")
    {
        TorchRuntime.PinCpuCapability();
        // The same rows for all three; each measures `epochs` epochs after a warm-up one, validation included.
        var (train, valid) = EpochBenchmark.Data();
        var bookFlops = EpochBenchmark.EpochFlops(EpochBenchmark.Architecture(train, [], Activation.HardSigmoid), train.Rows, valid.Rows);
        var (torchSeconds, torchCpu, torchNote) = PyTorchBaseline.Measure(train, valid, epochs, batchSize: 1000, threads: 1);
        rows.Add((PyTorchRow, torchSeconds, torchCpu, [], torchNote, bookFlops));
        foreach (var timing in EpochBenchmark.Compare(train, valid, epochs))
        {
            rows.Add(timing.Form == ModelForm.PerColumn
                ? (PerColumnRow, timing.EpochSeconds, timing.CpuSeconds, [], $"{timing.Path} path", timing.EpochFlops)
                : ("train: epoch, fused model", timing.EpochSeconds, timing.CpuSeconds, torchSeconds is null ? [PerColumnRow] : [PyTorchRow, PerColumnRow],
                    $"{timing.Path} path", timing.EpochFlops));
        }
        var (exp7Seconds, exp7Cpu, exp7Note) = PyTorchBaseline.Measure(train, valid, epochs, batchSize: 1000, threads: 1,
            EpochBenchmark.Exp7HiddenLayers, "sigmoid", EpochBenchmark.Exp7LearningRate);
        var exp7 = EpochBenchmark.MeasureExp7(train, valid, epochs);
        rows.Add((Exp7PyTorchRow, exp7Seconds, exp7Cpu, [], exp7Note, exp7.EpochFlops));
        rows.Add(("train: epoch, exp7 model (fused)", exp7.EpochSeconds, exp7.CpuSeconds, exp7Seconds is null ? [] : [Exp7PyTorchRow],
            $"{exp7.Path} path", exp7.EpochFlops));
    }

    if (only is null or "boosting")
    {
        rows.AddRange(BoostingBenchmark.Rows(DataSource(), Path.Combine(RepoPaths.Root, "data", "prepare.yml"), runs).Select(r => (r.Name, r.Seconds, r.Cpu, r.Baselines, r.Note, (double?)null)));
    }

    Console.WriteLine();
    // Wall time is what a user waits for; processor time (the train rows, one thread each) is less disturbed when
    // other processes share the machine, so its ratio is printed beside the wall-time one.
    Console.WriteLine($"{"benchmark",-46} {"n",3} {"best s",8} {"median s",9} {"cpu s",7} {"GFLOP/s",8}  ratio of medians to the baseline(s) measured in this run");
    foreach (var (name, seconds, cpu, baselines, note, flops) in rows)
    {
        if (seconds is null)
        {
            Console.WriteLine($"{name,-46} {"-",3} {"-",8} {"-",9} {"-",7} {"-",8}  {note}");
            continue;
        }
        var ratios = baselines.Length == 0
            ? "baseline"
            : string.Join("; ", baselines.Select(b => Ratio(seconds, cpu, rows.Single(r => r.Name == b)) + $" {b}"));
        var suffix = note.Length > 0 ? $" ({note})" : "";
        var cpuText = cpu is null ? "-" : Median(cpu).ToString("F2", CultureInfo.InvariantCulture);
        var gflopText = flops is { } f ? (f / Median(seconds) / 1e9).ToString("F1", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-46} {seconds.Count,3} {seconds.Min(),8:F2} {Median(seconds),9:F2} {cpuText,7} {gflopText,8}  {ratios}{suffix}"));
    }
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
    return 0;
}
catch (PipelineException e)
{
    Console.Error.WriteLine($"streetcar-bench: {e.Message}");
    return e.ExitCode;
}

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

static string Ratio(IReadOnlyList<double> seconds, IReadOnlyList<double>? cpu,
    (string Name, IReadOnlyList<double>? Seconds, IReadOnlyList<double>? Cpu, string[] Baselines, string Note, double? Flops) baseline)
{
    var wall = Median(seconds) / Median(baseline.Seconds!);
    return cpu is null || baseline.Cpu is null
        ? string.Create(CultureInfo.InvariantCulture, $"{wall:F2} x")
        : string.Create(CultureInfo.InvariantCulture, $"{wall:F2} x (cpu {Median(cpu) / Median(baseline.Cpu):F2} x)");
}

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

string DataSource()
{
    if (Arg("--data-source") is { } given)
    {
        return given;
    }
    var own = Path.Combine(RepoPaths.Root, "data", "raw");
    return Directory.Exists(own)
        ? own
        : Environment.GetEnvironmentVariable("STREETCAR_DATA_SOURCE") is { Length: > 0 } source
            ? source
            : Path.Combine(RepoPaths.Root, "data", "ttc");
}

int Count(string name, int fallback)
{
    var text = Arg(name);
    if (text is null)
    {
        return fallback;
    }
    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : throw new PipelineException($"{name}: expected a positive integer, got '{text}'", 64);
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    if (i < 0)
    {
        return null;
    }
    return i + 1 < args.Length ? args[i + 1] : throw new PipelineException($"{name}: missing value", 64);
}
