using System.Text.Json.Nodes;
using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Remote;

/// <summary>What the Azure and directory remote tests share: fresh workspaces that pull, and entries altered on purpose.</summary>
internal static class RemoteScenarios
{
    /// <summary>A fresh slice workspace (empty cache) with <paramref name="remotesYaml"/> as its remotes.yml, when given.</summary>
    public static TestWorkspace Fresh(string? remotesYaml)
    {
        var workspace = TestWorkspace.Create();
        if (remotesYaml is not null)
        {
            workspace.Write("remotes.yml", remotesYaml);
        }
        return workspace;
    }

    public static void AssertOk(CliResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    /// <summary>
    /// Runs the whole slice pipeline in <paramref name="workspace"/> with <paramref name="remote"/>: it must pull
    /// every entry, build nothing, and write results/ byte-identical to the reference run.
    /// </summary>
    public static void AssertPipelineIsANoOp(ReferenceRun reference, TestWorkspace workspace, string remote)
    {
        var run = workspace.Run("run", "--data-source", workspace.DataSource, "--remote", remote);

        AssertOk(run);
        Assert.DoesNotContain("building the grid", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("splitting with seed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("training up to", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test accuracy", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Warnings);
        Assert.Contains($"pull {reference.Entries.Count} entries", run.Output, StringComparison.Ordinal);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        Assert.Empty(workspace.WorkFolders());
        reference.AssertSameResults(workspace);
    }

    /// <summary>The reference run's evaluate entry of experiment a, as <c>stage/hash</c>.</summary>
    public static string EvaluateEntryOfA(ReferenceRun reference) =>
        "evaluate/" + Path.GetFileName(reference.Workspace.EntryFolder("evaluate", "a"));

    /// <summary>
    /// Rewrites one file of an entry folder and its manifest line so the entry verifies locally but holds other
    /// bytes than the reference's: a second machine whose stage produced different output for the same key.
    /// </summary>
    public static void Diverge(string entryFolder)
    {
        var manifestPath = Path.Combine(entryFolder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var file = manifest["files"]!.AsArray().First(f => f!["path"]!.GetValue<string>().EndsWith(".json", StringComparison.Ordinal))!;
        var path = Path.Combine(entryFolder, file["path"]!.GetValue<string>());
        File.AppendAllText(path, "\n");
        file["size"] = new FileInfo(path).Length;
        file["sha256"] = Core.Hashing.ContentHash.OfFile(path);
        File.WriteAllText(manifestPath, manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>A relative path of <paramref name="entryFolder"/>'s first JSON file, and that file's bytes.</summary>
    public static (string Relative, byte[] Bytes) FirstJson(string entryFolder)
    {
        var relative = JsonNode.Parse(File.ReadAllText(Path.Combine(entryFolder, "manifest.json")))!["files"]!.AsArray()
            .Select(f => f!["path"]!.GetValue<string>()).First(p => p.EndsWith(".json", StringComparison.Ordinal));
        return (relative, File.ReadAllBytes(Path.Combine(entryFolder, relative)));
    }
}
