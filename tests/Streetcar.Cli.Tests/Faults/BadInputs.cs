using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Prepare.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>The catalogue of bad inputs of issue 7, across config, data and command line.</summary>
public static class BadInputs
{
    public static IEnumerable<BadInputCase> All() =>
    [
        // Experiment config: the workspace's only experiment is the bad one.
        Experiment("unknown key", "learning_rat: 0.01\n", ["experiments/bad.yml", "learning_rat", "unknown key"]),
        Experiment("wrong type", "epochs: many\n", ["experiments/bad.yml", "'epochs'", "'many'"]),
        Experiment("proportion >= 1", "split:\n  test_proportion: 1.0\n", ["split.test_proportion", "(0, 1)", "got 1"]),
        Experiment("negative epochs", "epochs: -3\n", ["'epochs'", "positive integer", "got -3"]),
        Experiment("unknown monitor", "early_stopping:\n  monitor: val_f1\n", ["early_stopping.monitor", "'val_f1' is not allowed", "val_loss | val_accuracy"]),
        Experiment("unknown mode", "early_stopping:\n  mode: sideways\n", ["early_stopping.mode", "'sideways' is not allowed", "min | max"]),
        Experiment("unknown activation", "output_activation: relu\n", ["output_activation", "'relu' is not allowed", "hard_sigmoid | sigmoid"]),
        Experiment("zero batch size", "batch_size: 0\n", ["batch_size", "positive integer"]),
        Experiment("negative learning rate", "learning_rate: -0.1\n", ["learning_rate", "> 0"]),
        Experiment("threshold outside (0, 1)", "threshold: 1.5\n", ["threshold", "(0, 1)"]),
        Experiment("missing base file", "", ["experiments/bad.yml", "base file '_missing.yml' not found"], baseFile: "_missing.yml"),
        Experiment("malformed YAML", "epochs: [2\n", ["experiments/bad.yml:2:9", "'epochs'", "System.Int32"]),
        new("no experiment files", w => { DeleteExperiments(w); }, null, "no experiments in"),

        // Prepare config.
        Prepare("prepare: unknown key", "cleaning: aggressive\n", "data/prepare.yml", "cleaning", "unknown key"),
        Prepare("prepare: end before start", "end_date: 2013-12-31\n", "data/prepare.yml", "end_date", "must not be before start_date"),
        Prepare("prepare: unknown reshape mode", "mode: hourly\n", "data/prepare.yml", "'hourly' is not allowed", "book, slots"),

        // Data.
        new("missing workbook", w => w.DataSource = Folder(w, "other-source", withOtherYear: true), null, SliceFiles.Workbook, "workbook missing"),
        new("empty data folder", w => w.DataSource = Folder(w, "empty-source", withOtherYear: false), null, SliceFiles.Workbook, "workbook missing"),
        new("hash mismatch", w => w.Write("data/workbooks.sha256", new string('0', 64) + "  " + SliceFiles.Workbook + "\n"), null,
            SliceFiles.Workbook, "SHA-256 mismatch", "accept-new-vintage"),
        new("corrupt xlsx", w => BadWorkbooks.Install(w, BadWorkbooks.Corrupt), null, SliceFiles.Workbook, "not a readable xlsx workbook"),
        new("wrong headers", w => BadWorkbooks.Install(w, BadWorkbooks.WrongHeaders), null, SliceFiles.Workbook, "unexpected column 'Where'"),
        new("empty sheet", w => BadWorkbooks.Install(w, BadWorkbooks.EmptySheet), null, SliceFiles.Workbook, "no incident rows in any sheet"),
        new("bad dates", w => BadWorkbooks.Install(w, BadWorkbooks.BadDates), null, SliceFiles.Workbook, "unparseable Report Date", "the second of January"),
        new("missing manifest", w => File.Delete(w.PathOf("data/workbooks.sha256")), null, "workbooks.sha256"),

        // Command line.
        new("unknown experiment", _ => { }, ["prepare", "-e", "nope", "--data-source", RepoPaths.DataSource], "unknown experiment nope", "known: a, b"),
        new("unknown verb", _ => { }, ["frobnicate"], "frobnicate"),
        new("unknown option", _ => { }, ["run", "--frobnicate"], "--frobnicate"),
        new("unwritable results folder", w => w.Write("results", "a file where the results folder should be\n"), null, "results", "cannot write"),
        new("--root that does not exist", _ => { }, ["run", "--root", "/nonexistent/streetcar-root"], "--root /nonexistent/streetcar-root", "no such folder"),
    ];

    private static BadInputCase Experiment(string name, string yaml, string[] keyWords, string baseFile = "_base.yml") =>
        new(name, w =>
        {
            DeleteExperiments(w);
            w.Write("experiments/bad.yml", $"base: {baseFile}\n{yaml}");
        }, null, keyWords);

    private static BadInputCase Prepare(string name, string line, params string[] keyWords) =>
        new(name, w => w.Write("data/prepare.yml", Override(SliceFiles.PrepareYaml, line)), null, keyWords);

    /// <summary>The prepare config with the top-level key of <paramref name="line"/> replaced (or added).</summary>
    private static string Override(string config, string line)
    {
        var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
        return line + string.Join("\n", config.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)));
    }

    private static void DeleteExperiments(TestWorkspace w)
    {
        File.Delete(w.PathOf("experiments/a.yml"));
        File.Delete(w.PathOf("experiments/b.yml"));
    }

    private static string Folder(TestWorkspace w, string name, bool withOtherYear)
    {
        var path = w.PathOf(name);
        Directory.CreateDirectory(path);
        if (withOtherYear)
        {
            File.WriteAllText(Path.Combine(path, "ttc-streetcar-delay-data-2015.xlsx"), "another year, not the pinned one");
        }
        return path;
    }
}
