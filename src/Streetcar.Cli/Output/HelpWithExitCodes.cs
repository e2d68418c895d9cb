using System.CommandLine;
using System.CommandLine.Invocation;

namespace Streetcar.Cli.Output;

/// <summary>System.CommandLine's help, followed by the exit-code table (<see cref="CliApp.ExitCodesText"/>).</summary>
public sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        var exit = help.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(CliApp.ExitCodesText());
        return exit;
    }
}
