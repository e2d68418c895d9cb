namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The <c>error:</c> lines of stderr.</summary>
    public IReadOnlyList<string> ErrorLines =>
        Error.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();

    /// <summary>The <c>warning:</c> lines of stderr.</summary>
    public IReadOnlyList<string> Warnings =>
        Error.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
