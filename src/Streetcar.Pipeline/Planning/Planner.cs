using Streetcar.Core.Cache;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Pipeline.Planning;

/// <summary>
/// Decides which jobs a run needs. For every target it derives the keys from the graph, then walks back from the
/// goal: an entry on the way is built when it is missing or damaged, or its stage is forced; an intermediate entry
/// (a trajectory) only when a stage reading it is built. Runs whose entry has one key share one job (the trajectory
/// of experiments of one shape), so nothing is built twice; the jobs come dependencies first, intermediate (long,
/// shared) jobs before the rest, then each run's own in run order.
/// </summary>
public static class Planner
{
    public static Plan Plan(IReadOnlyList<PlanTarget> targets, IEntryProbe probe, PlanOptions options)
    {
        var keys = targets.Select(t => t.Graph.Keys(t.Run.Config, t.Roots)).ToArray();
        var paths = targets.Select(t => t.Graph.Upto(t.Goal)).ToArray();
        // The key of the job that builds each node: its entry's key, or a private one when sharing is off.
        CacheKey JobKey(int t, IStage stage) => options.Sharing || !stage.Intermediate
            ? keys[t][stage.Name]
            : CacheKeyBuilder.For(stage.Name, stage.Version).Input("shape", keys[t][stage.Name]).Param("unshared", targets[t].Run.Label).Build();

        var needed = targets.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var cached = targets.Select(_ => new List<IStage>()).ToArray();
        for (var t = 0; t < targets.Count; t++)
        {
            foreach (var stage in paths[t].Where(s => !s.Intermediate))
            {
                if (options.IsForced(stage.Name) || !probe.IsCached(stage, keys[t][stage.Name], [targets[t].Run.Config]))
                {
                    needed[t].Add(stage.Name);
                }
                else
                {
                    cached[t].Add(stage);
                }
            }
        }

        // Intermediate stages, downstream ones first: wanted by a run when a stage reading them is built, and
        // probed once per job with every run it would serve (a trajectory is cached when it is long enough for all).
        var intermediates = paths.SelectMany((p, t) => p.Where(s => s.Intermediate).Select(s => (Stage: s, FromEnd: p.Count - p.ToList().IndexOf(s))))
            .GroupBy(x => x.Stage.Id).Select(g => (g.First().Stage, FromEnd: g.Min(x => x.FromEnd))).OrderBy(x => x.FromEnd).Select(x => x.Stage).ToArray();
        foreach (var stage in intermediates)
        {
            var wanted = Enumerable.Range(0, targets.Count)
                .Where(t => paths[t].Contains(stage) && paths[t].Any(s => needed[t].Contains(s.Name) && s.Inputs.Any(i => i.Stage == stage.Name)))
                .GroupBy(t => JobKey(t, stage));
            foreach (var group in wanted)
            {
                if (options.IsForced(stage.Name) || !probe.IsCached(stage, group.Key, group.Select(t => targets[t].Run.Config).ToArray()))
                {
                    foreach (var t in group)
                    {
                        needed[t].Add(stage.Name);
                    }
                }
            }
        }

        // One job per (stage, job key), in run order: intermediate jobs first, they are the long ones.
        var jobs = new List<(IStage Stage, CacheKey Key, List<int> Members)>();
        var jobOf = new Dictionary<(string, CacheKey), int>();
        void Add(int t, IStage stage)
        {
            var id = (stage.Id, JobKey(t, stage));
            if (!jobOf.TryGetValue(id, out var index))
            {
                jobOf[id] = index = jobs.Count;
                jobs.Add((stage, id.Item2, []));
            }
            jobs[index].Members.Add(t);
        }
        for (var t = 0; t < targets.Count; t++)
        {
            foreach (var stage in paths[t].Where(s => s.Intermediate && needed[t].Contains(s.Name)))
            {
                Add(t, stage);
            }
        }
        for (var t = 0; t < targets.Count; t++)
        {
            foreach (var stage in paths[t].Where(s => !s.Intermediate && needed[t].Contains(s.Name)))
            {
                Add(t, stage);
            }
        }

        var ids = jobs.Select(j => $"{j.Stage.Id}-{j.Key.Hash[..16]}").ToArray();
        var specs = jobs.Select((job, index) =>
        {
            var first = job.Members[0];
            var inputKeys = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var dependsOn = new List<string>();
            foreach (var input in job.Stage.Inputs)
            {
                if (targets[first].Roots.TryGetValue(input.Stage, out var root))
                {
                    inputKeys[input.Name] = root.ToFullString();
                    continue;
                }
                var upstream = targets[first].Graph[input.Stage];
                inputKeys[input.Name] = JobKey(first, upstream).ToFullString();
                // Every member waits for its own upstream job (equal keys: one job, unless sharing is off).
                foreach (var t in job.Members.Where(t => needed[t].Contains(input.Stage)))
                {
                    var dependency = ids[jobOf[(upstream.Id, JobKey(t, upstream))]];
                    if (!dependsOn.Contains(dependency))
                    {
                        dependsOn.Add(dependency);
                    }
                }
            }
            var runs = job.Members.Select(t => targets[t].Run).ToArray();
            return new JobSpec(ids[index], job.Stage.Id, job.Key.ToFullString(), inputKeys, dependsOn,
                job.Stage.Threads(runs[0].Config), $"{job.Stage.Name} {string.Join(", ", runs.Select(r => r.Label))}",
                runs.Select(r => r.Experiment).Distinct().ToArray(), new JobPayload(runs, options.IsForced(job.Stage.Name)).ToJson());
        }).ToArray();

        var planned = targets.Select((target, t) => new PlannedRun(target.Run, keys[t],
            jobs.Select((j, i) => (j, i)).Where(x => x.j.Members.Contains(t)).Select(x => ids[x.i]).ToArray(), cached[t])).ToArray();
        return new Plan(specs, planned);
    }
}
