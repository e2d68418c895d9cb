namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// One bad input: what to break in a fresh slice workspace, the CLI arguments (null: <c>run --data-source</c>)
/// and the key words its single error message must contain.
/// </summary>
public sealed record BadInputCase(string Name, Action<Fixtures.TestWorkspace> Break, string[]? Args, params string[] KeyWords)
{
    public override string ToString() => Name;
}
