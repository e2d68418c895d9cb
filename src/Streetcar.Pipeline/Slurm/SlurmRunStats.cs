namespace Streetcar.Pipeline.Slurm;

/// <summary>What one run cost on the Slurm side, for the run summary and the measurements.</summary>
/// <param name="Submissions">sbatch calls (one per array).</param>
/// <param name="Hops">Dependency hops of the plan (its deepest wave).</param>
/// <param name="SubmitTime">Wall time from the first sbatch to the last one returning.</param>
/// <param name="Polls">squeue polls until every job had a result.</param>
/// <param name="Wall">Wall time of the whole run (submission to the last result).</param>
public sealed record SlurmRunStats(int Submissions, int Hops, TimeSpan SubmitTime, int Polls, TimeSpan Wall);
