using System.Text.Json.Nodes;
using Streetcar.Core.Cache;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Planning;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Tests;

public sealed class CacheProbeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("streetcar-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void GivenADamagedEntry_WhenPlanned_ThenItCountsAsMissing_AndItsJobRebuildsIt()
    {
        var warnings = new List<string>();
        var cache = new StageCache(_root, warnings.Add);
        var graph = FakeStage.Chain();
        var target = new PlanTarget(new StageRun("a", "a", FakeStage.Config("a")), graph, "score", new Dictionary<string, CacheKey> { ["root"] = FakeStage.Root });
        var first = Planner.Plan([target], new CacheProbe(cache), PlanOptions.Default);
        foreach (var job in first.Jobs)
        {
            Build(cache, graph, job);
        }
        Assert.Empty(Planner.Plan([target], new CacheProbe(cache), PlanOptions.Default).Jobs);

        var model = first.Jobs.Single(j => j.Stage == "model");
        File.AppendAllText(Path.Combine(cache.EntryFolder(CacheKey.Parse(model.Key)), "out.txt"), "damage");
        var second = Planner.Plan([target], new CacheProbe(cache), PlanOptions.Default);

        // The intermediate entry is still cached and valid: only the damaged one is rebuilt.
        Assert.Equal(["model"], second.Jobs.Select(j => j.Stage));
        Assert.NotEmpty(warnings);
        Build(cache, graph, second.Jobs[0]);
        Assert.Equal(model.Key, File.ReadAllText(Path.Combine(cache.EntryFolder(CacheKey.Parse(model.Key)), "out.txt")));
    }

    private static void Build(StageCache cache, StageGraph graph, JobSpec job)
    {
        var stage = graph.Stages.Single(s => s.Id == job.Stage);
        var inputs = job.InputKeys.Where(i => i.Key != "prepared").ToDictionary(i => i.Key, i => cache.TryOpen(CacheKey.Parse(i.Value), out var e) ? e : throw new InvalidOperationException(i.Value));
        stage.Build(new StageJob(job, JobPayload.From(job.Payload).Runs, inputs, cache, false, _ => { }, null, CancellationToken.None));
    }

    [Fact]
    public void AJobSpec_RoundTripsThroughItsJobFile()
    {
        var graph = FakeStage.Chain();
        var target = new PlanTarget(new StageRun("a#2", "a", FakeStage.Config("a") with { Description = "the book's" }), graph, "score",
            new Dictionary<string, CacheKey> { ["root"] = FakeStage.Root });
        var job = Planner.Plan([target], new FakeProbe(), PlanOptions.Default).Jobs[1];
        var path = Path.Combine(_root, "jobs", job.Id + ".json");

        JobFiles.WriteJob(path, job);
        var read = JobFiles.ReadJob(path);

        Assert.Equal(job.Key, read.Key);
        Assert.Equal(job.InputKeys, read.InputKeys);
        Assert.Equal(job.DependsOn, read.DependsOn);
        Assert.Equal(job.Label, read.Label);
        Assert.True(JsonNode.DeepEquals(job.Payload, read.Payload));
        Assert.Equal(target.Run, JobPayload.From(read.Payload).Runs[0] with { Config = target.Run.Config });
        Assert.Equal(Core.Config.ExperimentConfigJson.Resolved(target.Run.Config), Core.Config.ExperimentConfigJson.Resolved(JobPayload.From(read.Payload).Runs[0].Config));
    }
}
