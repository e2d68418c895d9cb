using System.Text.Json.Nodes;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Planning;

/// <summary>
/// What a job needs besides its input entries, as <see cref="Execution.JobSpec.Payload"/>: the resolved configs of
/// the runs it serves (one repeat each, its seeds included) and whether its stage is forced.
/// </summary>
public sealed record JobPayload(IReadOnlyList<StageRun> Runs, bool Force)
{
    public JsonObject ToJson() => new()
    {
        ["force"] = Force,
        ["runs"] = new JsonArray(Runs.Select(r => (JsonNode)new JsonObject
        {
            ["label"] = r.Label,
            ["experiment"] = r.Experiment,
            ["config"] = JsonNode.Parse(ExperimentConfigJson.Resolved(r.Config)),
        }).ToArray()),
    };

    public static JobPayload From(JsonObject payload)
    {
        var runs = (payload["runs"] as JsonArray ?? throw new FormatException("job payload: no runs")).Select(node => new StageRun(
            (string?)node?["label"] ?? throw new FormatException("job payload: a run has no label"),
            (string?)node!["experiment"] ?? throw new FormatException("job payload: a run has no experiment"),
            ExperimentConfigJson.Parse(node!["config"]?.ToJsonString() ?? throw new FormatException("job payload: a run has no config")))).ToArray();
        return runs.Length == 0 ? throw new FormatException("job payload: no runs") : new JobPayload(runs, (bool?)payload["force"] ?? false);
    }
}
