namespace Streetcar.Cli.Pipeline;

/// <summary>An experiment the engine could not bring to its goal: why, and the exit code that kind of failure has.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Message">What failed (an invalid config's error, or the failed job and its error).</param>
/// <param name="ExitCode">From <see cref="Core.Errors.ExitCodes"/>: config errors 3, anything else 2.</param>
public sealed record EngineFailure(string Experiment, string Message, int ExitCode);
