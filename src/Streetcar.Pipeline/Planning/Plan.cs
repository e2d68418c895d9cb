using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Planning;

/// <summary>What a run does: the jobs (dependencies first, each entry once) and every run's part in them.</summary>
public sealed record Plan(IReadOnlyList<JobSpec> Jobs, IReadOnlyList<PlannedRun> Runs);
