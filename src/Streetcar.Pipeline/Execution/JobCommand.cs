namespace Streetcar.Pipeline.Execution;

/// <summary>
/// The command line that runs one job in a fresh process (<c>dotnet …/streetcar.dll exec JOBFILE</c>): what the
/// process and Slurm executors start, locally or through <c>sbatch</c>.
/// </summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments, unquoted (executors quote them for their shell, if any).</param>
/// <param name="WorkingDirectory">Where it runs (the workspace root).</param>
/// <param name="Environment">Variables it needs set beyond the inherited ones.</param>
public sealed record JobCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment);
