namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// One bad input: what to break in a fresh slice workspace, the CLI arguments (null: <c>run --data-source</c>;
/// <c>{root}</c> stands for the workspace, <c>{model}</c> for a trained model folder of the reference run), the
/// exit code the documented table gives it, and the key words its single error line must contain.
/// <c>{model-copy}</c> stands for a copy of that model folder inside the workspace (<c>{root}/model</c>), made before
/// <see cref="Break"/> so that it can damage it.
/// </summary>
public sealed record BadInputCase(string Name, int ExitCode, Action<Fixtures.TestWorkspace> Break, string[]? Args, params string[] KeyWords)
{
    /// <summary>Undoes what <see cref="Break"/> set up outside the files (a mount, an immutable flag), after the checks.</summary>
    public Action<Fixtures.TestWorkspace>? Undo { get; init; }

    public override string ToString() => Name;
}
