using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 23, part A, in the catalogue's shape: outputs that must not be replaced (the input itself, links, FIFOs,
/// sockets, folders), files that must not be read as files (FIFOs, devices, links to them, oversized files), damaged
/// model folders, full disks, a read-only plots folder, and batch CSVs or command lines that say one thing twice.
/// What the shape cannot check (the input unchanged byte for byte, a race, a closed stdout) is in
/// <see cref="OutputSafetyTests"/> and <see cref="ClosedStdoutTests"/>.
/// </summary>
public static class OutputAndReadBadInputs
{
    private const string Trips = "route,direction,datetime\n501,e,2019-06-14T08:30\n";
    private static readonly string[] OneTrip = ["--route", "501", "--direction", "e", "--at", "2014-06-14T08:30"];
    private static readonly string[] Damaged = ["score", "--model", "{model-copy}", .. OneTrip];

    public static IEnumerable<BadInputCase> All() =>
        [.. ScoreOutputs(), .. ScoreInputs(), .. ModelFolders(), .. ConfigReads(), .. ExportCsv(), .. FullAndReadOnly()];

    /// <summary>item 1: <c>score --output</c> onto what it must never replace; each refused before the model loads.</summary>
    private static IEnumerable<BadInputCase> ScoreOutputs() =>
    [
        Output("score: --output is the --input", _ => { }, "{root}/trips.csv", "--output", "same file as the input", "trips.csv"),
        Output("score: --output a hard link to the input", w => SpecialFiles.HardLink(w.PathOf("trips.csv"), w.PathOf("hard.csv")), "{root}/hard.csv",
            "--output", "same file as the input"),
        Output("score: --output a symlink to the input", w => File.CreateSymbolicLink(w.PathOf("link.csv"), w.PathOf("trips.csv")), "{root}/link.csv",
            "--output", "is a symbolic link", "neither followed nor replaced"),
        Output("score: --output a symlink to another file", w =>
        {
            w.Write("other.csv", "precious\n");
            File.CreateSymbolicLink(w.PathOf("link.csv"), w.PathOf("other.csv"));
        }, "{root}/link.csv", "is a symbolic link"),
        Output("score: --output a dangling symlink", w => File.CreateSymbolicLink(w.PathOf("link.csv"), w.PathOf("nowhere.csv")), "{root}/link.csv", "is a symbolic link"),
        // Refused by lstat: the link is never followed, so /dev/null is safe even if the check were broken.
        Output("score: --output a symlink to /dev/null", w => File.CreateSymbolicLink(w.PathOf("null.csv"), "/dev/null"), "{root}/null.csv", "is a symbolic link"),
        Output("score: --output a symlink to a folder", w => File.CreateSymbolicLink(w.PathOf("folder.csv"), w.PathOf("experiments")), "{root}/folder.csv", "is a symbolic link"),
        Output("score: --output a FIFO", w => SpecialFiles.Fifo(w.PathOf("pipe.csv")), "{root}/pipe.csv", "--output", "is a FIFO", "not replaced"),
        Output("score: --output a socket", w => SpecialFiles.Socket(w.PathOf("sock.csv")), "{root}/sock.csv", "is a socket"),
        Output("score: --output a file with two hard links", w =>
        {
            w.Write("other.csv", "precious\n");
            SpecialFiles.HardLink(w.PathOf("other.csv"), w.PathOf("other-too.csv"));
        }, "{root}/other.csv", "has 2 hard links"),
        new("score: --output the model's weights", ExitCodes.Pipeline, w => w.Write("trips.csv", Trips),
            ["score", "--model", "{model-copy}", "--input", "{root}/trips.csv", "--output", "{model-copy}/weights.dat"], "--output", "same file as the input", "weights.dat"),
        Output("score: --output ends with a slash", _ => { }, "{root}/experiments/", "--output", "is a folder"),
        Output("score: --output under a file", _ => { }, "{root}/trips.csv/out.csv", "--output", "does not exist"),
    ];

    /// <summary>item 4 (CSVs are streamed: only regularity is checked) and item 6 (a CSV or command line saying one thing twice).</summary>
    private static IEnumerable<BadInputCase> ScoreInputs() =>
    [
        Input("score: --input a FIFO", w => SpecialFiles.Fifo(w.PathOf("pipe.csv")), "{root}/pipe.csv", "pipe.csv", "is a FIFO", "not a regular file"),
        Input("score: --input a symlink to /dev/zero", w => File.CreateSymbolicLink(w.PathOf("zero.csv"), "/dev/zero"), "{root}/zero.csv",
            "zero.csv", "symbolic link to a character device"),
        Input("score: --input a dangling symlink", w => File.CreateSymbolicLink(w.PathOf("gone.csv"), w.PathOf("nowhere.csv")), "{root}/gone.csv", "symbolic link to nothing"),
        Input("score: --input a socket", w => SpecialFiles.Socket(w.PathOf("sock.csv")), "{root}/sock.csv", "is a socket"),
        Csv("score: batch column twice", "route,direction,datetime,route\n501,e,2019-06-14T08:30,504\n", "trips.csv line 1", "column 'route' appears 2 times"),
        Csv("score: batch column twice in another case", "Route,direction,datetime,ROUTE\n501,e,2019-06-14T08:30,504\n", "column 'route' appears 2 times"),
        Csv("score: batch extra column twice", "route,direction,datetime,note,note\n501,e,2019-06-14T08:30,a,b\n", "column 'note' appears 2 times"),
        Csv("score: batch datetime and date", "route,direction,datetime,date\n501,e,2019-06-14T08:30,2019-06-15\n", "'datetime' and also 'date'"),
        Csv("score: batch datetime and hour", "route,direction,datetime,hour\n501,e,2019-06-14T08:30,9\n", "'datetime' and also 'hour'"),
        Csv("score: batch datetime, date and hour", "route,direction,date,hour,datetime\n501,e,2019-06-15,9,2019-06-14T08:30\n", "give the time one way"),
        TripAndInput("score: --route with --input", ["--route", "501"], "--route describes one trip", "--input"),
        TripAndInput("score: --at with --input", ["--at", "2019-06-14T08:30"], "--at describes one trip"),
        TripAndInput("score: --date and --hour with --input", ["--date", "2019-06-14", "--hour", "8"], "--date describes one trip"),
        TripAndInput("score: a whole trip with --input", OneTrip, "describes one trip", "give one or the other"),
    ];

    /// <summary>item 5: a damaged <c>--model</c> folder (a copy of a trained one) is one line and exit 2, never a crash.</summary>
    private static IEnumerable<BadInputCase> ModelFolders() =>
    [
        Model("model: truncated weights.dat", w => Truncate(w, "model/weights.dat", 100), "weights.dat", "does not hold this architecture's weights"),
        Model("model: empty weights.dat", w => Truncate(w, "model/weights.dat", 0), "weights.dat"),
        Model("model: weights.dat of random bytes", w => File.WriteAllBytes(w.PathOf("model/weights.dat"), Noise(File.ReadAllBytes(w.PathOf("model/weights.dat")).Length)),
            "weights.dat", "does not hold"),
        Model("model: weights.dat a FIFO", w => Replace(w, "model/weights.dat", SpecialFiles.Fifo), "weights.dat", "is a FIFO"),
        Model("model: weights.dat a symlink to /dev/zero", w => Replace(w, "model/weights.dat", p => File.CreateSymbolicLink(p, "/dev/zero")), "weights.dat", "character device"),
        Model("model: architecture.json broken JSON", w => Truncate(w, "model/architecture.json", 40), "architecture.json", "is not valid"),
        Model("model: architecture.json an empty object", w => w.Write("model/architecture.json", "{}\n"), "architecture.json", "lacks columns"),
        Model("model: architecture.json of another width", w => Edit(w, "model/architecture.json", "\"embedding_dim\": 10", "\"embedding_dim\": 11"), "weights.dat", "does not hold"),
        Model("model: architecture.json missing", w => File.Delete(w.PathOf("model/architecture.json")), "architecture.json missing"),
        Model("model: encoders.json broken JSON", w => Truncate(w, "model/encoders.json", 60), "encoders.json", "is not valid"),
        Model("model: encoders.json an empty list", w => w.Write("model/encoders.json", "[]\n"), "encoders.json", "does not match architecture.json"),
        Model("model: encoders.json a symlink to /dev/zero", w => Replace(w, "model/encoders.json", p => File.CreateSymbolicLink(p, "/dev/zero")), "encoders.json", "character device"),
        Model("model: config.json broken JSON", w => Truncate(w, "model/config.json", 50), "config.json", "is not valid"),
        Model("model: config.json out of bounds", w => Edit(w, "model/config.json", "\"threads\": 1", "\"threads\": 0"), "config.json", "'threads'"),
        Model("model: config.json a FIFO", w => Replace(w, "model/config.json", SpecialFiles.Fifo), "config.json", "is a FIFO"),
        Model("model: config.json missing", w => File.Delete(w.PathOf("model/config.json")), "config.json missing"),
        Model("model: history.json null", w => w.Write("model/history.json", "null\n"), "history.json", "is not valid"),
        Model("model: history.json oversized", w => w.Write("model/history.json", "[" + new string(' ', 17 << 20) + "]"), "history.json", "at most 16777216 bytes"),
    ];

    /// <summary>item 4: every config or manifest the pipeline reads, as a FIFO, a link to a device, or too big.</summary>
    private static IEnumerable<BadInputCase> ConfigReads() =>
    [
        new("experiment file a FIFO", ExitCodes.Config, w => { OnlyA(w); Replace(w, "experiments/a.yml", SpecialFiles.Fifo); }, null, "experiments/a.yml", "is a FIFO"),
        new("experiment file a symlink to /dev/zero", ExitCodes.Config, w => { OnlyA(w); Replace(w, "experiments/a.yml", p => File.CreateSymbolicLink(p, "/dev/zero")); }, null,
            "experiments/a.yml", "symbolic link to a character device"),
        new("base file a FIFO", ExitCodes.Config, w => { OnlyA(w); Replace(w, "experiments/_base.yml", SpecialFiles.Fifo); }, null, "_base.yml", "is a FIFO"),
        new("base file a symlink to /dev/zero", ExitCodes.Config, w =>
        {
            OnlyA(w);
            File.CreateSymbolicLink(w.PathOf("experiments/_zero.yml"), "/dev/zero");
            w.Write("experiments/a.yml", "base: _zero.yml\n");
        }, null, "_zero.yml", "character device"),
        new("report config a FIFO", ExitCodes.Config, w => SpecialFiles.Fifo(w.PathOf("experiments/_report.yml")), null, "experiments/_report.yml", "is a FIFO"),
        new("report config a symlink to /dev/zero", ExitCodes.Config, w => File.CreateSymbolicLink(w.PathOf("experiments/_report.yml"), "/dev/zero"), null,
            "experiments/_report.yml", "character device"),
        new("report config too big", ExitCodes.Config, w => w.Write("experiments/_report.yml", "#" + new string('x', 70_000) + "\n"), null,
            "experiments/_report.yml", "at most 65536 bytes"),
        new("prepare: config a FIFO", ExitCodes.Config, w => Replace(w, "data/prepare.yml", SpecialFiles.Fifo), null, "data/prepare.yml", "is a FIFO"),
        new("prepare: config a symlink to /dev/zero", ExitCodes.Config, w => Replace(w, "data/prepare.yml", p => File.CreateSymbolicLink(p, "/dev/zero")), null,
            "data/prepare.yml", "character device"),
        new("prepare: config too big", ExitCodes.Config, w => w.Write("data/prepare.yml", SliceFiles.PrepareYaml + "#" + new string('x', 70_000) + "\n"), null,
            "data/prepare.yml", "at most 65536 bytes"),
        new("manifest a FIFO", ExitCodes.Data, w => Replace(w, "data/workbooks.sha256", SpecialFiles.Fifo), null, "workbooks.sha256", "is a FIFO"),
        new("manifest a symlink to /dev/zero", ExitCodes.Data, w => Replace(w, "data/workbooks.sha256", p => File.CreateSymbolicLink(p, "/dev/zero")), null,
            "workbooks.sha256", "character device"),
        new("manifest too big", ExitCodes.Data, w => w.Write("data/workbooks.sha256", SliceFiles.ManifestLine() + "\n" + new string('#', 70_000) + "\n"), null,
            "workbooks.sha256", "at most 65536 bytes"),
        new("data source workbook a FIFO", ExitCodes.Data, w => w.DataSource = SourceWith(w, SpecialFiles.Fifo), null, SliceFiles.Workbook, "is a FIFO"),
        new("data source workbook a symlink to /dev/zero", ExitCodes.Data, w => w.DataSource = SourceWith(w, p => File.CreateSymbolicLink(p, "/dev/zero")), null,
            SliceFiles.Workbook, "character device"),
    ];

    /// <summary>item 1: <c>prepare --export-csv</c> onto an input or a special file, refused before any work (no cache entry).</summary>
    private static IEnumerable<BadInputCase> ExportCsv() =>
    [
        Export("export-csv: over data/prepare.yml", _ => { }, "{root}/data/prepare.yml", "--export-csv", "same file as the input", "prepare.yml"),
        Export("export-csv: over the manifest", _ => { }, "{root}/data/workbooks.sha256", "same file as the input"),
        Export("export-csv: over an experiment", _ => { }, "{root}/experiments/a.yml", "same file as the input"),
        Export("export-csv: over a hard link to the config", w => SpecialFiles.HardLink(w.PathOf("data/prepare.yml"), w.PathOf("grid.csv")), "{root}/grid.csv", "same file as the input"),
        Export("export-csv: over a data-source workbook", w => w.DataSource = SourceWith(w, p => File.Copy(Path.Combine(RepoPaths.DataSource, SliceFiles.Workbook), p)),
            "{root}/source/" + SliceFiles.Workbook, "same file as the input", SliceFiles.Workbook),
        Export("export-csv: a symlink", w => File.CreateSymbolicLink(w.PathOf("grid.csv"), w.PathOf("data/prepare.yml")), "{root}/grid.csv", "--export-csv", "is a symbolic link"),
        Export("export-csv: a FIFO", w => SpecialFiles.Fifo(w.PathOf("grid.csv")), "{root}/grid.csv", "is a FIFO"),
        Export("export-csv: a folder", _ => { }, "{root}/experiments", "--export-csv", "is a folder"),
        Export("export-csv: into a missing folder", _ => { }, "{root}/no-such-folder/grid.csv", "--export-csv", "does not exist"),
    ];

    /// <summary>item 5: a disk that fills up while scoring, and a plots folder nothing can be written to.</summary>
    private static IEnumerable<BadInputCase> FullAndReadOnly() =>
    [
        new("score: full disk under --output", ExitCodes.Pipeline, w =>
        {
            // About 120 KB of scored rows onto a 64 KiB file system.
            w.Write("trips.csv", "route,direction,datetime\n" + string.Concat(Enumerable.Repeat("501,e,2014-06-14T08:30\n", 5000)));
            SpecialFiles.SmallDisk(w.PathOf("full"));
        }, ["score", "--model", "{model}", "--input", "{root}/trips.csv", "--output", "{root}/full/out.csv"], "--output", "No space left on device")
        {
            Undo = w => SpecialFiles.Unmount(w.PathOf("full")),
        },
        new("score: --output on a read-only file system", ExitCodes.Pipeline, w =>
        {
            w.Write("trips.csv", Trips);
            SpecialFiles.SmallDisk(w.PathOf("ro"), options: "ro");
        }, ["score", "--model", "{model}", "--input", "{root}/trips.csv", "--output", "{root}/ro/out.csv"], "--output", "cannot be written", "Read-only file system")
        {
            Undo = w => SpecialFiles.Unmount(w.PathOf("ro")),
        },
        new("score: --output into an immutable folder", ExitCodes.Pipeline, w =>
        {
            w.Write("trips.csv", Trips);
            Directory.CreateDirectory(w.PathOf("locked"));
            SpecialFiles.Immutable(w.PathOf("locked"));
        }, ["score", "--model", "{model}", "--input", "{root}/trips.csv", "--output", "{root}/locked/out.csv"], "--output", "cannot be written")
        {
            Undo = w => SpecialFiles.Immutable(w.PathOf("locked"), on: false),
        },
        new("export-csv: on a read-only file system", ExitCodes.Pipeline, w =>
        {
            Directory.CreateDirectory(w.PathOf("source"));
            SpecialFiles.SmallDisk(w.PathOf("ro"), options: "ro");
        },
            ["prepare", "--data-source", "{root}/source", "--export-csv", "{root}/ro/grid.csv"], "--export-csv", "Read-only file system")
        {
            // Refused at the start: the temporary file cannot be created, so the check before any work finds it.
            Undo = w => SpecialFiles.Unmount(w.PathOf("ro")),
        },
        new("read-only results/plots", ExitCodes.Pipeline, w => SpecialFiles.Immutable(w.PathOf("results/plots")), null, "results/plots", "cannot write")
        {
            Undo = w => SpecialFiles.Immutable(w.PathOf("results/plots"), on: false),
        },
    ];

    private static BadInputCase Output(string name, Action<TestWorkspace> setUp, string output, params string[] keyWords) =>
        new(name, ExitCodes.Pipeline, w =>
        {
            w.Write("trips.csv", Trips);
            setUp(w);
        }, ["score", "--model", "{model}", "--input", "{root}/trips.csv", "--output", output], keyWords);

    private static BadInputCase Input(string name, Action<TestWorkspace> setUp, string input, params string[] keyWords) =>
        new(name, ExitCodes.Data, setUp, ["score", "--model", "{model}", "--input", input, "--output", "{root}/out.csv"], keyWords);

    private static BadInputCase Csv(string name, string csv, params string[] keyWords) =>
        new(name, ExitCodes.Data, w => w.Write("trips.csv", csv), ["score", "--model", "{model}", "--input", "{root}/trips.csv", "--output", "{root}/out.csv"], keyWords);

    private static BadInputCase TripAndInput(string name, string[] trip, params string[] keyWords) =>
        new(name, ExitCodes.Usage, w => w.Write("trips.csv", Trips), ["score", "--model", "{model}", .. trip, "--input", "{root}/trips.csv", "--output", "{root}/out.csv"], keyWords);

    private static BadInputCase Model(string name, Action<TestWorkspace> damage, params string[] keyWords) =>
        new(name, ExitCodes.Pipeline, damage, Damaged, ["damaged model folder", .. keyWords]);

    private static BadInputCase Export(string name, Action<TestWorkspace> setUp, string target, params string[] keyWords) =>
        // {root}/source: the data source is a copy the case may make, never the shared real data a broken check could replace.
        // It must exist (a missing source is a data error of its own, found first), so an empty one is made.
        new(name, ExitCodes.Pipeline, w =>
        {
            Directory.CreateDirectory(w.PathOf("source"));
            setUp(w);
        }, ["prepare", "--data-source", "{root}/source", "--export-csv", target], keyWords);

    /// <summary>Truncates a file to its first <paramref name="bytes"/>.</summary>
    private static void Truncate(TestWorkspace w, string relative, int bytes)
    {
        var path = w.PathOf(relative);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..Math.Min(bytes, (int)new FileInfo(path).Length)]);
    }

    private static void Edit(TestWorkspace w, string relative, string what, string by)
    {
        var text = File.ReadAllText(w.PathOf(relative));
        Assert.Contains(what, text, StringComparison.Ordinal); // the fault is set up, or the test says why not
        File.WriteAllText(w.PathOf(relative), text.Replace(what, by, StringComparison.Ordinal));
    }

    /// <summary>Deletes the file and makes something else in its place.</summary>
    private static void Replace(TestWorkspace w, string relative, Action<string> make)
    {
        File.Delete(w.PathOf(relative));
        make(w.PathOf(relative));
    }

    private static void OnlyA(TestWorkspace w) => File.Delete(w.PathOf("experiments/b.yml"));

    /// <summary>A data source folder <c>{root}/source</c> whose slice workbook is made by <paramref name="make"/>.</summary>
    private static string SourceWith(TestWorkspace w, Action<string> make)
    {
        var folder = w.PathOf("source");
        Directory.CreateDirectory(folder);
        make(Path.Combine(folder, SliceFiles.Workbook));
        return folder;
    }

    /// <summary>Bytes that are no tensor file, the same every run.</summary>
    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(23).NextBytes(bytes);
        return bytes;
    }
}
