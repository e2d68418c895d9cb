namespace Streetcar.Core.Errors;

/// <summary>
/// The one table of the CLI's exit codes. <see cref="PipelineException"/> and its kinds carry these codes, the
/// CLI's single catch point returns them, <c>streetcar --help</c> prints <see cref="Table"/> and the README's table
/// is tested against it.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>A stage failed, or a file or folder could not be read or written (results/, --output, the cache).</summary>
    public const int Pipeline = 2;

    /// <summary>An experiment file or data/prepare.yml is invalid (the message names the file and the key).</summary>
    public const int Config = 3;

    /// <summary>Input data is missing, not the pinned version, or malformed (workbooks, a CSV to score).</summary>
    public const int Data = 4;

    /// <summary>The command line is wrong: unknown verb, option or experiment, a missing, conflicting or malformed option value.</summary>
    public const int Usage = 64;

    /// <summary>A bug: an exception that is not a pipeline error (shown with its stack trace).</summary>
    public const int Internal = 70;

    /// <summary>Interrupted by SIGINT (Ctrl+C): 128 + 2, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (kill, a supervisor, a CI timeout): 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>Every code with its meaning, in numeric order.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Table { get; } =
    [
        (Success, "success: everything asked for was done"),
        (Pipeline, "pipeline: a stage failed, or a file or folder could not be read or written (results/, --output, the cache)"),
        (Config, "config: an experiment file or data/prepare.yml is invalid; the message names the file and the key"),
        (Data, "data: input data is missing, not the pinned version, or malformed (workbooks, a CSV to score)"),
        (Usage, "usage: unknown verb, option or experiment name, or a missing, conflicting or malformed option value"),
        (Internal, "internal: a bug (any other exception), shown with its stack trace; please report it"),
        (Cancelled, "cancelled by SIGINT (Ctrl+C): the run stopped cleanly, nothing half-written is left"),
        (Terminated, "cancelled by SIGTERM: the run stopped cleanly, nothing half-written is left"),
    ];
}
