using Streetcar.Cli.Output;
using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 23, item 2: a folder that is not this project is never written to or deleted from. Every verb that
/// writes, at every kind of foreign folder, is one usage line, and the folder is byte-identical afterwards (every
/// path, folders included, and every file's bytes); in the project itself, <c>cache clear</c> deletes only what the
/// cache made.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ForeignRootTests(ReferenceRun reference)
{
    private static readonly string[][] Verbs =
    [
        ["cache", "clear"], ["cache", "list"], ["cache", "remove", "abcdef12"], ["fetch", "--data-source", RepoPaths.DataSource],
        ["prepare", "--data-source", RepoPaths.DataSource], ["train"], ["evaluate"], ["report"], ["run", "--data-source", RepoPaths.DataSource],
        ["pin", "--data-source", RepoPaths.DataSource], ["score", "--route", "501", "--direction", "e", "--at", "2014-06-14T08:30"],
    ];

    /// <summary>Folders that look a little like the project, or not at all.</summary>
    private static readonly Dictionary<string, Action<string>> Folders = new(StringComparer.Ordinal)
    {
        ["empty"] = _ => { },
        ["only the .sln"] = f => Touch(f, "streetcar-experiments.sln"),
        ["the .sln and experiments/"] = f =>
        {
            Touch(f, "streetcar-experiments.sln");
            Touch(f, "experiments/exp0.yml");
        },
        ["experiments/ and data/ without the .sln"] = f =>
        {
            Touch(f, "experiments/exp0.yml");
            Touch(f, "data/workbooks.sha256");
        },
        ["a data/cache of foreign folders"] = f =>
        {
            Touch(f, "data/cache/grid/holiday-photos/1.jpg");
            Touch(f, "data/cache/thesis/chapter1.tex");
            Touch(f, "data/cache/.lock");
            Touch(f, "results/report.md");
        },
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Folders.Keys)
        {
            foreach (var verb in Verbs)
            {
                data.Add(folder, string.Join(' ', verb));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenAFolderThatIsNotThisProject_WhenAVerbRunsOnIt_ThenOneUsageLineAndTheFolderIsUntouched(string folder, string verb)
    {
        using var temp = TestWorkspace.Create();
        var foreign = temp.PathOf("foreign");
        Directory.CreateDirectory(foreign);
        Folders[folder](foreign);
        var before = Snapshot(foreign);

        var result = Run([.. verb.Split(' '), "--root", foreign]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var message = Assert.Single(result.ErrorLines);
        Assert.Contains("not a streetcar-experiments checkout", message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(foreign));
    }

    [Theory]
    [InlineData("cache", "clear")]
    [InlineData("train")]
    [InlineData("report")]
    public void GivenTheFileSystemRoot_WhenAVerbRunsOnIt_ThenOneUsageLineAndNothingIsCreatedThere(params string[] verb)
    {
        var made = new[] { "/results", "/data/cache", "/data/failures", "/.results-staging-" + Environment.ProcessId };
        var existed = made.Select(Path.Exists).ToArray();

        var result = Run([.. verb, "--root", "/"]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("not a streetcar-experiments checkout", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(existed, made.Select(Path.Exists).ToArray());
    }

    [Fact]
    public void GivenTheProjectsCacheHoldingFolders_ItDidNotMake_WhenCleared_ThenOnlyItsOwnEntriesGo()
    {
        using var workspace = reference.WarmCopy();
        Assert.NotEmpty(workspace.CacheEntries());
        var cache = workspace.Cache;
        Touch(cache, "grid/holiday-photos/1.jpg");                        // in a stage folder, not a key
        Touch(cache, "train/" + new string('a', 64) + "/notes.txt");      // a key's name, no manifest
        Touch(cache, "thesis/chapter1.tex");                              // not a stage folder name
        Touch(cache, "Thesis Drafts/chapter2.tex");
        Touch(cache, "README");
        var foreign = new[] { "grid/holiday-photos", "train/" + new string('a', 64), "thesis", "Thesis Drafts", "README" };
        var before = foreign.ToDictionary(f => f, f => Snapshot(Path.Combine(cache, f)));

        var result = workspace.Run("cache", "clear");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("left 4 entries it did not make", result.Output, StringComparison.Ordinal);
        Assert.All(foreign, f => Assert.Equal(before[f], Snapshot(Path.Combine(cache, f))));
        Assert.DoesNotContain(Directory.EnumerateDirectories(cache, "*", SearchOption.AllDirectories),
            d => Path.GetFileName(d).Length == 64 && File.Exists(Path.Combine(d, "manifest.json")));
        Assert.False(Directory.Exists(Path.Combine(cache, "evaluate")), "the emptied stage folder was not removed");
    }

    private static CliResult Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, new CliConsole(output, error));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private static void Touch(string folder, string relative)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"someone else's {relative}\n");
    }

    /// <summary>Every path below <paramref name="path"/> (folders as "dir") with its bytes, or the file itself.</summary>
    private static SortedDictionary<string, string> Snapshot(string path)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            entries["."] = Convert.ToHexString(File.ReadAllBytes(path));
            return entries;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            entries[Path.GetRelativePath(path, entry)] = Directory.Exists(entry) ? "dir" : Convert.ToHexString(File.ReadAllBytes(entry));
        }
        return entries;
    }
}
