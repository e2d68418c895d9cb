using System.Text;
using Streetcar.Cli.Output;

namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>
/// A throwaway repository root holding the small real slice (<see cref="SliceFiles"/>): the marker solution file,
/// data/workbooks.sha256, data/prepare.yml and experiments/. Runs the CLI on it in this process or as a child.
/// Deleted on dispose.
/// </summary>
public sealed class TestWorkspace : IDisposable
{
    private static readonly string TempRoot = Path.Combine(Path.GetTempPath(), "streetcar-cli-tests");

    private TestWorkspace(string root) => Root = root;

    public string Root { get; }

    /// <summary>Folder the raw workbooks are copied from (<c>--data-source</c>); the real data unless changed.</summary>
    public string DataSource { get; set; } = RepoPaths.DataSource;

    public string Cache => Path.Combine(Root, "data", "cache");

    public string Results => Path.Combine(Root, "results");

    public string Report => Path.Combine(Results, "report.md");

    /// <summary>A fresh slice with experiments a and b and nothing built.</summary>
    public static TestWorkspace Create()
    {
        var workspace = new TestWorkspace(NewFolder());
        workspace.Write("streetcar-experiments.sln", "");
        workspace.Write("data/workbooks.sha256", SliceFiles.ManifestLine() + "\n");
        workspace.Write("data/prepare.yml", SliceFiles.PrepareYaml);
        workspace.Write("experiments/_base.yml", SliceFiles.BaseYaml());
        workspace.Write("experiments/a.yml", SliceFiles.ExperimentA);
        workspace.Write("experiments/b.yml", SliceFiles.ExperimentB);
        return workspace;
    }

    /// <summary>A copy of <paramref name="source"/>: its configs, raw data, cache and results.</summary>
    public static TestWorkspace CopyOf(TestWorkspace source)
    {
        var workspace = new TestWorkspace(NewFolder()) { DataSource = source.DataSource };
        CopyTree(source.Root, workspace.Root);
        return workspace;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs the CLI in this process: <paramref name="args"/>, then <c>--root</c> this workspace unless they name one.</summary>
    public CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args.Contains("--root") ? args : [.. args, "--root", Root], new CliConsole(output, error));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary><c>streetcar run --data-source DIR --root ROOT</c> in this process.</summary>
    public CliResult RunPipeline() => Run("run", "--data-source", DataSource);

    /// <summary>The arguments of <see cref="RunPipeline"/>, for a child process.</summary>
    public string[] PipelineArgs() => ["run", "--data-source", DataSource, "--root", Root];

    /// <summary>Cache entries as <c>stage/hash</c>, sorted.</summary>
    public IReadOnlyList<string> CacheEntries() => StageFolders()
        .SelectMany(stage => Directory.EnumerateDirectories(stage)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(d => $"{Path.GetFileName(stage)}/{Path.GetFileName(d)}"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Hidden work folders (<c>.tmp-*</c>, <c>.trash-*</c>) left in the cache, as <c>stage/name</c>.</summary>
    public IReadOnlyList<string> WorkFolders() => StageFolders()
        .SelectMany(stage => Directory.EnumerateDirectories(stage, ".*")
            .Select(d => $"{Path.GetFileName(stage)}/{Path.GetFileName(d)}"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The single entry folder of <paramref name="stage"/> whose manifest says it belongs to <paramref name="config"/>.</summary>
    public string EntryFolder(string stage, string? config = null) =>
        Directory.EnumerateDirectories(Path.Combine(Cache, stage))
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Single(d => config is null || File.ReadAllText(Path.Combine(d, "manifest.json")).Contains($"\"config\": \"{config}\"", StringComparison.Ordinal));

    /// <summary>Every file under results/ (relative path → text), except the undiffed run-info.json.</summary>
    public SortedDictionary<string, string> ResultFiles()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(Results))
        {
            return files;
        }
        foreach (var file in Directory.EnumerateFiles(Results, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Results, file).Replace('\\', '/');
            if (relative != "run-info.json")
            {
                files[relative] = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            }
        }
        return files;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    // Stage folders only: the runs' ledgers and job files (.runs/) are no entries.
    private IEnumerable<string> StageFolders() =>
        Directory.Exists(Cache) ? Directory.EnumerateDirectories(Cache).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal) : [];

    private static string NewFolder()
    {
        var path = Path.Combine(TempRoot, Path.GetRandomFileName());
        Directory.CreateDirectory(path);
        return path;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
