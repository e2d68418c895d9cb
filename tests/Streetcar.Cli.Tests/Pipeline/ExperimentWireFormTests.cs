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

        // Every committed experiment is still there; one added since results/ was last regenerated (a cold run after
        // the merge adds it) only has to load.
        // (A sweep's chosen point, named SWEEP/key=value,…, is reported beside them but is no experiment file.)
        Assert.Subset(loaded.Select(l => l.Name).ToHashSet(), committed.Keys.Where(k => !k.Contains('/')).ToHashSet());
        Assert.All(loaded, l =>
        {
            Assert.Null(l.Error);
            if (committed.TryGetValue(l.Name, out var hash))
            {
                Assert.Equal(hash, l.Experiment!.ConfigHash);
                Assert.Contains($"| {l.Name} | {l.Experiment.Changes} |", report);
            }
        });
    }
}
