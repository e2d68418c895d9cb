using Streetcar.Core.Cache;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Stages;

/// <summary>
/// What <see cref="IStage.Build"/> works with: the job, the runs it serves, its input entries opened from the cache
/// by key, and the host's services (the CLI's console and folders), so a stage needs no live object of the planner.
/// </summary>
/// <param name="Spec">The job as planned.</param>
/// <param name="Runs">The runs it serves, in plan order (at least one).</param>
/// <param name="Inputs">Its input entries, by input name.</param>
/// <param name="Cache">The stage cache.</param>
/// <param name="Force">Rebuild even when cached (its stage is in the run's forced set).</param>
/// <param name="Progress">Where its progress lines go.</param>
/// <param name="Host">The host's services; stages of that host know the type.</param>
/// <param name="Cancel">The run's cancellation.</param>
public sealed record StageJob(JobSpec Spec, IReadOnlyList<StageRun> Runs, IReadOnlyDictionary<string, CacheEntry> Inputs, StageCache Cache,
    bool Force, Action<string> Progress, object? Host, CancellationToken Cancel)
{
    /// <summary>The key of the entry it builds.</summary>
    public CacheKey Key => CacheKey.Parse(Spec.Key);

    /// <summary>The runs' labels, as progress lines name the job (<c>exp0, exp1</c>).</summary>
    public string Labels => string.Join(", ", Runs.Select(r => r.Label));

    /// <summary>The host's services as <typeparamref name="T"/>.</summary>
    public T HostAs<T>() => Host is T host ? host : throw new InvalidOperationException($"stage job {Spec.Id}: the host is not a {typeof(T).Name}");
}
