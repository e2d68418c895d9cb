namespace Streetcar.Core.Errors;

/// <summary>
/// The one exception family of the pipeline: bad input, bad configuration or a failed stage. The CLI turns it
/// into a message on stderr and a non-zero exit code from <see cref="ExitCodes"/>; any other exception is a bug and is shown with its
/// stack trace.
/// </summary>
public class PipelineException(string message, int exitCode = ExitCodes.Pipeline, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process exit code the CLI uses for this error.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>An invalid configuration value: names the file, the key and what is allowed.</summary>
public sealed class ConfigException(string file, string key, string problem)
    : PipelineException($"{file}: '{key}': {problem}", ExitCodes.Config)
{
    public string File { get; } = file;
    public string Key { get; } = key;

    /// <summary>What is wrong, without the file and key (for an error re-addressed to where the value came from).</summary>
    public string Problem { get; } = problem;
}

/// <summary>Bad or unexpected input data: names the file and, where known, the sheet and row.</summary>
public sealed class DataException(string message) : PipelineException(message, ExitCodes.Data);

/// <summary>
/// A cache entry another live run is building took longer than the run was told to wait: not a property of the
/// inputs, so a later run retries it (the failure record is not final).
/// </summary>
public sealed class CacheBusyException(string message) : PipelineException(message, ExitCodes.Pipeline);
