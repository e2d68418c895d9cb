using Streetcar.Pipeline.Slurm;

namespace Streetcar.Cli.Pipeline;

/// <summary>What an executor is made from: the verb's <c>--jobs</c>, the workspace root (cluster.yml) and the Slurm options.</summary>
public sealed record ExecutorSettings(int Jobs, string WorkspaceRoot, SlurmOptions Slurm);
