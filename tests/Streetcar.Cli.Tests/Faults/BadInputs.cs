using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// The catalogue of bad inputs (issues 7 and 15), across config, data and command line: every config key at and
/// beyond its bounds, every file the pipeline reads missing, empty, truncated or of the wrong type.
/// </summary>
public static class BadInputs
{
    /// <summary>A valid trip for the reference model (routes 501–506 of 2014).</summary>
    private static readonly string[] Trip = ["score", "--model", "{model}", "--route", "501", "--direction", "e"];

    public static IEnumerable<BadInputCase> All() => [.. Config(), .. PrepareConfig(), .. Data(), .. CommandLine(), .. Scoring(),
        .. OutputAndReadBadInputs.All(), .. RootSignalAndInputBadInputs.All(), .. RemoteBadInputs.All()];

    /// <summary>Experiment config: the workspace's only experiment is the bad one.</summary>
    private static IEnumerable<BadInputCase> Config() =>
    [
        Experiment("unknown key", "learning_rat: 0.01\n", ["experiments/bad.yml", "learning_rat", "unknown key"]),
        Experiment("wrong type", "epochs: many\n", ["experiments/bad.yml", "'epochs'", "'many'"]),
        Experiment("proportion >= 1", "split:\n  test_proportion: 1.0\n", ["split.test_proportion", "(0, 1)", "got 1"]),
        Experiment("negative epochs", "epochs: -3\n", ["'epochs'", "[1, 10000]", "got -3"]),
        Experiment("unknown monitor", "early_stopping:\n  monitor: val_f1\n", ["early_stopping.monitor", "'val_f1' is not allowed", "val_loss | val_accuracy"]),
        Experiment("unknown mode", "early_stopping:\n  mode: sideways\n", ["early_stopping.mode", "'sideways' is not allowed", "min | max"]),
        Experiment("unknown activation", "output_activation: relu\n", ["output_activation", "'relu' is not allowed", "hard_sigmoid | sigmoid"]),
        Experiment("zero batch size", "batch_size: 0\n", ["batch_size", "an integer in [1, 10000000]"]),
        Experiment("negative learning rate", "learning_rate: -0.1\n", ["learning_rate", "(0, 10]"]),
        Experiment("threshold outside (0, 1)", "threshold: 1.5\n", ["threshold", "(0, 1)"]),
        Experiment("missing base file", "", ["experiments/bad.yml", "base file '_missing.yml' not found"], baseFile: "_missing.yml"),
        Experiment("malformed YAML", "epochs: [2\n", ["experiments/bad.yml:2:9", "'epochs'", "System.Int32"]),
        new("no experiment files", ExitCodes.Config, w => { DeleteExperiments(w); }, null, "no experiments in"),
        // Issue 12: the report's pairs (experiments/_report.yml) are checked before anything trains.
        new("report config: unknown experiment", ExitCodes.Config, w => w.Write("experiments/_report.yml", "compare_with:\n  b: exp7\n"), null,
            "experiments/_report.yml", "'compare_with.b'", "unknown experiment 'exp7'", "one of a, b"),
        new("report config: unknown key", ExitCodes.Config, w => w.Write("experiments/_report.yml", "compare: {b: a}\n"), null,
            "experiments/_report.yml", "'compare'", "unknown key"),

        // Issue 15, items 4, 7 and 8.
        Experiment("duplicate key", "epochs: 2\nepochs: 3\n", ["experiments/bad.yml:3:1", "'epochs'", "duplicate key"]),
        Experiment("duplicate nested key", "early_stopping:\n  patience: 2\n  patience: 3\n", ["experiments/bad.yml:4:3", "'patience'", "duplicate key"]),
        Experiment("base is an absolute path", "", ["experiments/bad.yml", "'base'", "absolute path", "inside experiments/"], baseFile: "/etc/hostname"),
        Experiment("base climbs out of experiments/", "", ["experiments/bad.yml", "'base'", "outside the experiments folder"], baseFile: "../../etc/hostname"),
        Experiment("base is /dev/zero", "", ["experiments/bad.yml", "'base'", "absolute path"], baseFile: "/dev/zero"),
        Experiment("epochs far beyond the bound", "epochs: 100000000\n", ["'epochs'", "[1, 10000]", "got 100000000"]),
        Experiment("learning rate 1e300", "learning_rate: 1e300\n", ["'learning_rate'", "(0, 10]", "got 1E+300"]),

        // Every numeric key just beyond its bounds (at the bounds is tested in ExperimentBoundsTests).
        Experiment("epochs just above the bound", "epochs: 10001\n", ["'epochs'", "[1, 10000]", "got 10001"]),
        Experiment("epochs zero", "epochs: 0\n", ["'epochs'", "got 0"]),
        Experiment("batch size above the bound", "batch_size: 10000001\n", ["'batch_size'", "got 10000001"]),
        Experiment("patience zero", "early_stopping:\n  patience: 0\n", ["early_stopping.patience", "[1, 10000]", "got 0"]),
        Experiment("patience above the bound", "early_stopping:\n  patience: 10001\n", ["early_stopping.patience", "got 10001"]),
        Experiment("dropout rate 1", "dropout_rate: 1\n", ["'dropout_rate'", "[0, 1)", "got 1"]),
        Experiment("negative dropout rate", "dropout_rate: -0.01\n", ["'dropout_rate'", "got -0.01"]),
        Experiment("l2 lambda above 1", "l2_lambda: 1.5\n", ["'l2_lambda'", "[0, 1]", "got 1.5"]),
        Experiment("zero weight 0", "zero_weight: 0\n", ["'zero_weight'", "(0, 1000]", "got 0"]),
        Experiment("zero weight above the bound", "zero_weight: 1000.5\n", ["'zero_weight'", "got 1000.5"]),
        Experiment("one weight offset beyond the bound", "weighting: balanced\none_weight_offset: -1001\n", ["'one_weight_offset'", "[-1000, 1000]", "got -1001"]),
        Experiment("one weight offset without weighting", "one_weight_offset: 2\n", ["'one_weight_offset'", "weighting: balanced"]),
        Experiment("hidden layer of width 0", "hidden_layers: [8, 0]\n", ["'hidden_layers'", "item 1", "[1, 4096]"]),
        Experiment("hidden layer too wide", "hidden_layers: [4097]\n", ["'hidden_layers'", "got 4097"]),
        Experiment("too many hidden layers", "hidden_layers: [1, 1, 1, 1, 1, 1, 1, 1, 1]\n", ["'hidden_layers'", "lists 9 layers", "at most 8"]),
        Experiment("threshold 0", "threshold: 0\n", ["'threshold'", "(0, 1)", "got 0"]),
        Experiment("negative torch seed", "seeds:\n  torch: -1\n", ["seeds.torch", "[0, 2147483647]", "got -1"]),
        Experiment("shuffle seed above the bound", "seeds:\n  shuffle: 2147483648\n", ["seeds.shuffle", "got 2147483648"]),
        Experiment("train proportion 0", "split:\n  train_proportion: 0\n", ["split.train_proportion", "(0, 1)", "got 0"]),
        Experiment("threads 0", "threads: 0\n", ["'threads'", "[1, 64]", "got 0"]),
        Experiment("threads above the bound", "threads: 65\n", ["'threads'", "got 65"]),
        Experiment("learning rate NaN", "learning_rate: .nan\n", ["'learning_rate'", "got NaN"]),
        Experiment("epochs beyond Int32", "epochs: 99999999999\n", ["experiments/bad.yml", "'epochs'", "too large"]),
        Experiment("unknown weighting", "weighting: Balanced\n", ["'weighting'", "'Balanced' is not allowed", "none | balanced"]),
        Experiment("numeric enum value", "loss: 0\n", ["'loss'", "'0' is not allowed", "binary_crossentropy"]),

        // The experiment file itself: the wrong type, too big, or a base cycle.
        File("experiment file is a list", "experiments/bad.yml", "- epochs: 2\n", ["experiments/bad.yml", "'(root)'", "expected a mapping"]),
        File("experiment file is binary", "experiments/bad.yml", "\u0000\u0001PK\u0003\u0004 not yaml\n", ["experiments/bad.yml", "'(root)'", "expected a mapping"]),
        File("experiment file too big", "experiments/bad.yml", "description: " + new string('x', 70_000) + "\n", ["experiments/bad.yml", "at most 65536 bytes"]),
        new("base files in a cycle", ExitCodes.Config, w =>
        {
            DeleteExperiments(w);
            w.Write("experiments/_x.yml", "base: _y.yml\n");
            w.Write("experiments/_y.yml", "base: _x.yml\n");
            w.Write("experiments/bad.yml", "base: _x.yml\n");
        }, null, "'base'", "levels of base files"),
    ];

    /// <summary>data/prepare.yml: missing, duplicated, out of range, of the wrong type.</summary>
    private static IEnumerable<BadInputCase> PrepareConfig() =>
    [
        Prepare("prepare: unknown key", "cleaning: aggressive\n", "data/prepare.yml", "cleaning", "unknown key"),
        Prepare("prepare: end before start", "end_date: 2013-12-31\n", "data/prepare.yml", "end_date", "must not be before start_date"),
        Prepare("prepare: unknown reshape mode", "mode: hourly\n", "data/prepare.yml", "'hourly' is not allowed", "book | slots"),
        Prepare("prepare: delay threshold above a day", "delay_threshold: 1441\n", "data/prepare.yml", "'delay_threshold'", "[0, 1440]", "got 1441"),
        Prepare("prepare: start date not a date", "start_date: someday\n", "data/prepare.yml", "'start_date'", "yyyy-MM-dd"),
        Prepare("prepare: drop_bad_rows not a boolean", "drop_bad_rows: sometimes\n", "data/prepare.yml", "'drop_bad_rows'", "\"sometimes\"", "Boolean"),
        Prepare("prepare: duplicate key", "mode: book\nmode: slots\n", "data/prepare.yml:2:1", "'mode'", "duplicate key"),
        new("prepare: config missing", ExitCodes.Config, w => System.IO.File.Delete(w.PathOf("data/prepare.yml")), null, "data/prepare.yml", "config file not found"),
        new("prepare: config is a list", ExitCodes.Config, w => w.Write("data/prepare.yml", "- mode: book\n"), null, "data/prepare.yml", "expected a mapping"),
    ];

    /// <summary>The raw data and its pins: missing, empty, truncated, of the wrong type.</summary>
    private static IEnumerable<BadInputCase> Data() =>
    [
        new("missing workbook", ExitCodes.Data, w => w.DataSource = Folder(w, "other-source", withOtherYear: true), null, SliceFiles.Workbook, "workbook missing"),
        new("empty data folder", ExitCodes.Data, w => w.DataSource = Folder(w, "empty-source", withOtherYear: false), null, SliceFiles.Workbook, "workbook missing"),
        new("hash mismatch", ExitCodes.Data, w => w.Write("data/workbooks.sha256", new string('0', 64) + "  " + SliceFiles.Workbook + "\n"), null,
            SliceFiles.Workbook, "SHA-256 mismatch", "accept-new-vintage"),
        new("corrupt xlsx", ExitCodes.Data, w => BadWorkbooks.Install(w, BadWorkbooks.Corrupt), null, SliceFiles.Workbook, "not a readable xlsx workbook"),
        new("wrong headers", ExitCodes.Data, w => BadWorkbooks.Install(w, BadWorkbooks.WrongHeaders), null, SliceFiles.Workbook, "unexpected column 'Where'"),
        new("empty sheet", ExitCodes.Data, w => BadWorkbooks.Install(w, BadWorkbooks.EmptySheet), null, SliceFiles.Workbook, "no incident rows in any sheet"),
        new("bad dates", ExitCodes.Data, w => BadWorkbooks.Install(w, BadWorkbooks.BadDates), null, SliceFiles.Workbook, "unparseable Report Date", "the second of January"),
        new("missing manifest", ExitCodes.Data, w => System.IO.File.Delete(w.PathOf("data/workbooks.sha256")), null, "workbooks.sha256"),
        new("zero-byte workbook", ExitCodes.Data, w => BadWorkbooks.Install(w, BadWorkbooks.ZeroBytes), null, SliceFiles.Workbook),
        new("truncated workbook", ExitCodes.Data, w => BadWorkbooks.Install(w, BadWorkbooks.Truncated), null, SliceFiles.Workbook, "not a readable xlsx workbook"),
        new("CSV named as a workbook", ExitCodes.Data, w => BadWorkbooks.Install(w, BadWorkbooks.CsvInstead), null, SliceFiles.Workbook, "not a readable xlsx workbook"),
        new("empty manifest", ExitCodes.Data, w => w.Write("data/workbooks.sha256", ""), null, "workbooks.sha256"),
        new("truncated manifest line", ExitCodes.Data, w => w.Write("data/workbooks.sha256", "0123abc\n"), null, "workbooks.sha256"),
    ];

    /// <summary>The command line of the pipeline verbs.</summary>
    private static IEnumerable<BadInputCase> CommandLine() =>
    [
        new("unknown experiment", ExitCodes.Usage, _ => { }, ["prepare", "-e", "nope", "--data-source", RepoPaths.DataSource], "unknown experiment nope", "known: a, b"),
        new("unknown verb", ExitCodes.Usage, _ => { }, ["frobnicate"], "frobnicate"),
        new("unknown option", ExitCodes.Usage, _ => { }, ["run", "--frobnicate"], "--frobnicate"),
        new("unwritable results folder", ExitCodes.Pipeline, w =>
        {
            Directory.Delete(w.Results, recursive: true);
            w.Write("results", "a file where the results folder should be\n");
        }, null, "results", "cannot write"),
        new("--root that does not exist", ExitCodes.Usage, _ => { }, ["run", "--root", "/nonexistent/streetcar-root"], "--root /nonexistent/streetcar-root", "no such folder"),
        new("--experiment without a value", ExitCodes.Usage, _ => { }, ["train", "--root", "{root}", "--experiment"], "--experiment"),

        // Issue 15, item 10: train's config error is the config code, in one line, without "the other experiments".
        new("train: invalid experiment", ExitCodes.Config, w =>
        {
            Fetched(w);
            DeleteExperiments(w);
            w.Write("experiments/bad.yml", "base: _base.yml\nepochs: 0\n");
        }, ["train"], "train bad failed", "'epochs'", "got 0"),
        new("evaluate: invalid experiment", ExitCodes.Config, w =>
        {
            Fetched(w);
            DeleteExperiments(w);
            w.Write("experiments/bad.yml", "base: _base.yml\nthreads: 65\n");
        }, ["evaluate", "-e", "bad"], "evaluate bad failed", "'threads'"),
    ];

    /// <summary>The score verb: trip times with a zone (item 3), batch outputs that cannot be written (item 6), bad CSVs.</summary>
    private static IEnumerable<BadInputCase> Scoring() =>
    [
        new("score: --at with an offset", ExitCodes.Usage, _ => { }, [.. Trip, "--at", "2019-06-14T08:30+05:00"], "--at", "time zone (+05:00)", "local Toronto"),
        new("score: --at in UTC (Z)", ExitCodes.Usage, _ => { }, [.. Trip, "--at", "2019-06-14T08:30Z"], "--at", "time zone (Z)"),
        new("score: --at not a time", ExitCodes.Usage, _ => { }, [.. Trip, "--at", "yesterday"], "--at", "'yesterday' is not a date and time"),
        new("score: --hour 24", ExitCodes.Usage, _ => { }, [.. Trip, "--date", "2019-06-14", "--hour", "24"], "--hour", "'24' is not an hour"),
        new("score: --date of month 13", ExitCodes.Usage, _ => { }, [.. Trip, "--date", "2019-13-01", "--hour", "8"], "--date", "'2019-13-01' is not a date"),
        new("score: --input without --output", ExitCodes.Usage, _ => { }, ["score", "--model", "{model}", "--input", "{root}/trips.csv"], "--input", "--output"),
        new("score: --unseen-year not a choice", ExitCodes.Usage, _ => { }, [.. Trip, "--at", "2019-06-14T08:30", "--unseen-year", "maybe"], "'maybe' not recognized", "'error' 'latest'"),
        new("score: model folder missing", ExitCodes.Pipeline, _ => { }, ["score", "--model", "/nonexistent/model", "--route", "501", "--direction", "e", "--at", "2019-06-14T08:30"], "/nonexistent/model", "not a model folder"),
        Batch("score: batch row with an offset", ExitCodes.Data, "route,direction,datetime\n501,e,2019-06-14T08:30-04:00\n", "{root}/scored.csv", "trips.csv line 2", "time zone (-04:00)"),
        Batch("score: batch output into a missing folder", ExitCodes.Pipeline, Trips, "{root}/no-such-folder/scored.csv", "--output", "no-such-folder", "does not exist"),
        Batch("score: batch output onto a folder", ExitCodes.Pipeline, Trips, "{root}/experiments", "--output", "is a folder"),
        Batch("score: batch output not writable", ExitCodes.Pipeline, Trips, "/proc/streetcar-scored.csv", "--output /proc/streetcar-scored.csv", "cannot be written"),
        Batch("score: batch input empty", ExitCodes.Data, "", "{root}/scored.csv", "trips.csv line 1", "expected a header"),
        Batch("score: batch input without the trip columns", ExitCodes.Data, "when,where\n1,2\n", "{root}/scored.csv", "trips.csv line 1", "lacks columns"),
        Batch("score: batch row truncated", ExitCodes.Data, "route,direction,datetime\n501,e\n", "{root}/scored.csv", "trips.csv line 2", "expected 3 fields"),
        new("score: batch input missing", ExitCodes.Data, _ => { }, ["score", "--model", "{model}", "--input", "{root}/nothing.csv", "--output", "{root}/scored.csv"], "nothing.csv", "no such file"),
        new("score: batch input is a folder", ExitCodes.Data, _ => { }, ["score", "--model", "{model}", "--input", "{root}/experiments", "--output", "{root}/scored.csv"], "experiments", "is a folder"),
    ];

    private const string Trips = "route,direction,datetime\n501,e,2019-06-14T08:30\n";

    private static BadInputCase Experiment(string name, string yaml, string[] keyWords, string baseFile = "_base.yml") =>
        new(name, ExitCodes.Config, w =>
        {
            DeleteExperiments(w);
            w.Write("experiments/bad.yml", $"base: {baseFile}\n{yaml}");
        }, null, keyWords);

    private static BadInputCase File(string name, string relative, string text, string[] keyWords) =>
        new(name, ExitCodes.Config, w =>
        {
            DeleteExperiments(w);
            w.Write(relative, text);
        }, null, keyWords);

    private static BadInputCase Prepare(string name, string line, params string[] keyWords) =>
        new(name, ExitCodes.Config, w => w.Write("data/prepare.yml", Override(SliceFiles.PrepareYaml, line)), null, keyWords);

    private static BadInputCase Batch(string name, int exitCode, string csv, string output, params string[] keyWords) =>
        new(name, exitCode, w => w.Write("trips.csv", csv), ["score", "--model", "{model}", "--input", "{root}/trips.csv", "--output", output], keyWords);

    /// <summary>The prepare config with the top-level key of <paramref name="line"/> replaced (or added).</summary>
    private static string Override(string config, string line)
    {
        var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
        return line + string.Join("\n", config.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)));
    }

    /// <summary>The raw data in place, as after <c>streetcar fetch</c>, for verbs that do not fetch.</summary>
    private static void Fetched(TestWorkspace w) =>
        Assert.Equal(0, w.Run("fetch", "--data-source", w.DataSource).ExitCode);

    private static void DeleteExperiments(TestWorkspace w)
    {
        System.IO.File.Delete(w.PathOf("experiments/a.yml"));
        System.IO.File.Delete(w.PathOf("experiments/b.yml"));
    }

    private static string Folder(TestWorkspace w, string name, bool withOtherYear)
    {
        var path = w.PathOf(name);
        Directory.CreateDirectory(path);
        if (withOtherYear)
        {
            System.IO.File.WriteAllText(Path.Combine(path, "ttc-streetcar-delay-data-2015.xlsx"), "another year, not the pinned one");
        }
        return path;
    }
}
