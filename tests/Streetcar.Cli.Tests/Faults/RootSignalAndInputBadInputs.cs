using System.Text;
using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 23 (part B)'s bad inputs, in the catalogue's shape (<see cref="BadInputCase"/>): a --root that is not this
/// project, cache keys and trips given wrong, a data source that is not a folder, experiments that are invalid in
/// ways once accepted silently (a second name, bytes that are not UTF-8, a value of the wrong shape), and a pin of
/// files it cannot take faithfully. What the shape cannot say (the foreign folder untouched byte for byte, signals)
/// is in <see cref="ForeignRootTests"/> and <see cref="SignalTests"/>.
/// </summary>
public static class RootSignalAndInputBadInputs
{
    private const string NotTheProject = "not a streetcar-experiments checkout";
    private static readonly string[] Trip = ["score", "--model", "{model}", "--direction", "e", "--at", "2014-06-14T08:30"];

    public static IEnumerable<BadInputCase> All() => [.. ForeignRoots(), .. CacheKeys(), .. Trips(), .. DataSources(), .. Experiments(), .. Pins()];

    /// <summary>Every verb that writes, at folders that are not this project: one usage line, nothing made in them.</summary>
    private static IEnumerable<BadInputCase> ForeignRoots() =>
    [
        Root("--root at an empty folder: run", ["run", "--data-source", RepoPaths.DataSource], _ => { }, NotTheProject, "streetcar-experiments.sln, experiments/, data/"),
        Root("--root at an empty folder: cache clear", ["cache", "clear"], _ => { }, NotTheProject),
        Root("--root at an empty folder: train", ["train"], _ => { }, NotTheProject),
        Root("--root at an empty folder: report", ["report"], _ => { }, NotTheProject),
        Root("--root at an empty folder: fetch", ["fetch", "--data-source", RepoPaths.DataSource], _ => { }, NotTheProject),
        Root("--root at an empty folder: pin", ["pin", "--data-source", RepoPaths.DataSource], _ => { }, NotTheProject),
        Root("--root at an empty folder: cache list", ["cache", "list"], _ => { }, NotTheProject),
        Root("--root at a folder with only the .sln", ["cache", "clear"], f => Touch(f, "streetcar-experiments.sln"), NotTheProject, "experiments/, data/"),
        Root("--root at a folder with the .sln and experiments/ only", ["train"], f =>
        {
            Touch(f, "streetcar-experiments.sln");
            Directory.CreateDirectory(Path.Combine(f, "experiments"));
        }, NotTheProject, "lacks data/"),
        Root("--root at a folder whose data/cache holds foreign folders", ["cache", "clear"], f =>
        {
            Touch(f, "data/cache/grid/holiday-photos/1.jpg");
            Touch(f, "data/cache/thesis/chapter1.tex");
        }, NotTheProject, "streetcar-experiments.sln, experiments/"),
        new("--root at a file", ExitCodes.Usage, _ => { }, ["cache", "clear", "--root", "{root}/data/prepare.yml"], "--root", "prepare.yml", "not a folder (a file)"),
        new("--root at /", ExitCodes.Usage, _ => { }, ["cache", "clear", "--root", "/"], "--root /", NotTheProject),
        new("--root at / for a run", ExitCodes.Usage, _ => { }, ["run", "--root", "/", "--data-source", RepoPaths.DataSource], "--root /", NotTheProject),
        new("--root empty", ExitCodes.Usage, _ => { }, ["fetch", "--root", ""], "--root", "empty path"),
        new("--root at a foreign folder for score", ExitCodes.Usage, w => Directory.CreateDirectory(w.PathOf("foreign")),
            ["score", "--route", "501", "--direction", "e", "--at", "2014-06-14T08:30", "--root", "{root}/foreign"], "--root", NotTheProject),
    ];

    /// <summary>Keys typed by a person: too short, or naming nothing (usage, exit 64, nothing removed).</summary>
    private static IEnumerable<BadInputCase> CacheKeys() =>
    [
        new("cache remove: a 3-character key", ExitCodes.Usage, _ => { }, ["cache", "remove", "abc"], "'abc'", "at least 4 characters"),
        new("cache remove: stage and a short key", ExitCodes.Usage, _ => { }, ["cache", "remove", "train/ab"], "'train/ab'", "at least 4 characters"),
        new("cache remove: an unknown key", ExitCodes.Usage, _ => { }, ["cache", "remove", "abcdef12"], "'abcdef12'", "no cache entry's key starts with it", "nothing removed"),
        new("cache remove: an unknown key after a short one", ExitCodes.Usage, _ => { }, ["cache", "remove", "abcdef12", "ab"], "'abcdef12'", "no cache entry"),
    ];

    /// <summary>A malformed route is a wrong option value (usage); one the model does not know is a scoring failure.</summary>
    private static IEnumerable<BadInputCase> Trips() =>
    [
        new("score: --route 501.0", ExitCodes.Usage, _ => { }, [.. Trip, "--route", "501.0"], "--route '501.0'", "not a route number"),
        new("score: --route with letters", ExitCodes.Usage, _ => { }, [.. Trip, "--route", "501a"], "--route '501a'", "not a route number"),
        new("score: --route empty", ExitCodes.Usage, _ => { }, [.. Trip, "--route", ""], "--route ''", "not a route number"),
        // Well-formed but unknown to the model: the model cannot score it (exit 2), and the line lists what it knows.
        new("score: a route the model does not know", ExitCodes.Pipeline, _ => { }, [.. Trip, "--route", "999"], "unknown route '999'", "valid values"),
        new("score: a direction the model does not know", ExitCodes.Pipeline, _ => { }, ["score", "--model", "{model}", "--route", "501", "--direction", "x", "--at", "2014-06-14T08:30"], "'x'", "valid values"),
    ];

    /// <summary>The data source option at something that is not a folder.</summary>
    private static IEnumerable<BadInputCase> DataSources() =>
    [
        new("--data-source at a file", ExitCodes.Data, _ => { }, ["fetch", "--data-source", "{root}/data/prepare.yml"], "--data-source", "prepare.yml", "not a folder (a file)"),
        new("--data-source missing", ExitCodes.Data, _ => { }, ["prepare", "--data-source", "{root}/no-such-source"], "--data-source", "no-such-source", "no such folder"),
    ];

    /// <summary>Experiments invalid in ways that were accepted silently: prepare, a second name, not UTF-8, the wrong shape.</summary>
    private static IEnumerable<BadInputCase> Experiments() =>
    [
        new("prepare: invalid experiment", ExitCodes.Config, OnlyBad("epochs: 0\n"), ["prepare", "-e", "bad", "--data-source", RepoPaths.DataSource], "prepare bad failed", "'epochs'", "got 0"),
        new("prepare: every experiment invalid", ExitCodes.Config, OnlyBad("threads: 65\n"), ["prepare", "--data-source", RepoPaths.DataSource], "prepare bad failed", "'threads'"),
        new("name differs from the file name", ExitCodes.Config, OnlyBad("name: other\n"), null, "experiments/bad.yml", "'name'", "'other' differs from the file name 'bad'"),
        new("name in the base differs from the file name", ExitCodes.Config, w =>
        {
            OnlyBad("")(w);
            w.Write("experiments/_named.yml", "base: _base.yml\nname: shared\n");
            w.Write("experiments/bad.yml", "base: _named.yml\n");
        }, null, "experiments/_named.yml", "'name'", "'shared' differs from the file name 'bad'"),
        new("invalid UTF-8 in an experiment", ExitCodes.Config, w => Bytes(w, "experiments/bad.yml", "base: _base.yml\ndescription: caf", [0xE9], "\n"), null,
            "experiments/bad.yml:2", "not valid UTF-8", "byte 0xE9 at byte offset 32"),
        new("invalid UTF-8: a sequence cut at the end of the file", ExitCodes.Config, w => Bytes(w, "experiments/bad.yml", "base: _base.yml\ndescription: caf", [0xC3], ""), null,
            "experiments/bad.yml:2", "not valid UTF-8", "byte offset 32"),
        new("invalid UTF-8 in a key", ExitCodes.Config, w => Bytes(w, "experiments/bad.yml", "base: _base.yml\nepo", [0xFF], "chs: 2\n"), null,
            "experiments/bad.yml:2", "not valid UTF-8", "byte 0xFF"),
        new("invalid UTF-8 in the base file", ExitCodes.Config, w =>
        {
            OnlyBad("")(w);
            Bytes(w, "experiments/_latin1.yml", "base: _base.yml\n# r", [0xE9], "sum\u00e9\n");
            w.Write("experiments/bad.yml", "base: _latin1.yml\n");
        }, null, "experiments/_latin1.yml:2", "not valid UTF-8"),
        new("invalid UTF-8 in data/prepare.yml", ExitCodes.Config, w => Bytes(w, "data/prepare.yml", SliceFiles.PrepareYaml + "\n# Montr", [0xE9], "al\n"), null,
            "data/prepare.yml", "not valid UTF-8", "byte 0xE9"),
        new("invalid UTF-8 in experiments/_report.yml", ExitCodes.Config, w => Bytes(w, "experiments/_report.yml", "# ", [0x80], "\n"), null,
            "experiments/_report.yml:1", "not valid UTF-8", "byte 0x80 at byte offset 2"),
        new("a mapping where a number belongs", ExitCodes.Config, OnlyBad("epochs: {a: 1}\n"), null, "experiments/bad.yml", "'epochs'", "expected a single value"),
        new("a mapping where a list belongs", ExitCodes.Config, OnlyBad("hidden_layers: {a: 1}\n"), null, "'hidden_layers'", "expected a list, got a mapping"),
        new("a list where a threshold rule belongs", ExitCodes.Config, OnlyBad("threshold: [1]\n"), null, "'threshold'", "expected a mapping"),
        new("a list where a section belongs", ExitCodes.Config, OnlyBad("early_stopping: [1]\n"), null, "'early_stopping'", "expected a mapping of its keys"),
        new("a mapping where a nested number belongs", ExitCodes.Config, OnlyBad("early_stopping:\n  patience: {x: 1}\n"), null, "'early_stopping.patience'", "expected a single value"),
    ];

    /// <summary>pin refuses what it cannot take faithfully from the source it is given.</summary>
    private static IEnumerable<BadInputCase> Pins() =>
    [
        new("pin: a workbook it cannot read", ExitCodes.Data, w => Source(w, BadWorkbooks.Corrupt), ["pin", "--data-source", "{root}/pin-source"], SliceFiles.Workbook, "not a readable xlsx workbook"),
        new("pin: a workbook with the wrong headers", ExitCodes.Data, w => Source(w, BadWorkbooks.WrongHeaders), ["pin", "--data-source", "{root}/pin-source"], SliceFiles.Workbook, "unexpected column"),
        new("pin: the source lacks a workbook", ExitCodes.Data, w => Directory.CreateDirectory(w.PathOf("pin-source")), ["pin", "--data-source", "{root}/pin-source"], SliceFiles.Workbook, "workbook missing", "pin-source"),
    ];

    private static BadInputCase Root(string name, string[] args, Action<string> make, params string[] keyWords) =>
        new(name, ExitCodes.Usage, w =>
        {
            var folder = w.PathOf("foreign");
            Directory.CreateDirectory(folder);
            make(folder);
        }, [.. args, "--root", "{root}/foreign"], ["--root", .. keyWords]);

    private static void Touch(string folder, string relative)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "someone else's file\n");
    }

    /// <summary>The workspace with bad.yml (on the base) as its only experiment.</summary>
    private static Action<TestWorkspace> OnlyBad(string yaml) => w =>
    {
        File.Delete(w.PathOf("experiments/a.yml"));
        File.Delete(w.PathOf("experiments/b.yml"));
        w.Write("experiments/bad.yml", $"base: _base.yml\n{yaml}");
    };

    private static void Bytes(TestWorkspace w, string relative, string before, byte[] bad, string after)
    {
        if (relative.StartsWith("experiments/bad", StringComparison.Ordinal))
        {
            OnlyBad("")(w);
        }
        File.WriteAllBytes(w.PathOf(relative), [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)]);
    }

    private static void Source(TestWorkspace w, Action<string> write)
    {
        var folder = w.PathOf("pin-source");
        Directory.CreateDirectory(folder);
        write(Path.Combine(folder, SliceFiles.Workbook));
    }
}
