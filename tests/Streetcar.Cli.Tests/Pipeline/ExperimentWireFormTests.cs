using System.Text.Json.Nodes;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>
/// Typed config must not move a cache key or a committed result: the canonical config of every repository
/// experiment still hashes to the config hash committed in results/metrics.json, and its "Changes" text is the
/// one in results/report.md.
/// </summary>
public sealed class ExperimentWireFormTests
{
    [Fact]
    public void GivenTheRepositoryExperiments_WhenLoaded_ThenConfigHashesAndChangesMatchTheCommittedResults()
    {
        var workspace = new Workspace(RepoPaths.Root);
        var committed = JsonNode.Parse(File.ReadAllText(workspace.Metrics))!.AsArray()
            .ToDictionary(e => (string)e!["name"]!, e => (string)e!["config_hash"]!);
        var report = File.ReadAllText(workspace.Report);

        var loaded = Experiment.Load(workspace, [], CacheKeyBuilder.For("grid", 1).Build());

        Assert.Equal(committed.Keys.Order(), loaded.Select(l => l.Name).Order());
        Assert.All(loaded, l =>
        {
            Assert.Null(l.Error);
            Assert.Equal(committed[l.Name], l.Experiment!.ConfigHash);
            Assert.Contains($"| {l.Name} | {l.Experiment.Changes} |", report);
        });
    }
}
