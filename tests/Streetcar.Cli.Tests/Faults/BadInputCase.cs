namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// One bad input: what to break in a fresh slice workspace, the CLI arguments (null: <c>run --data-source</c>;
/// <c>{root}</c> stands for the workspace, <c>{model}</c> for a trained model folder of the reference run), the
/// exit code the documented table gives it, and the key words its single error line must contain.
/// </summary>
public sealed record BadInputCase(string Name, int ExitCode, Action<Fixtures.TestWorkspace> Break, string[]? Args, params string[] KeyWords)
{
    public override string ToString() => Name;
}
