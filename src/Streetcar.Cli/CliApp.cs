using System.CommandLine;
using Streetcar.Cli.Commands;
using Streetcar.Cli.Output;
using Streetcar.Core.Errors;

namespace Streetcar.Cli;

/// <summary>
/// The command line: one verb per pipeline stage, and the single place where a pipeline error becomes a
/// message and a non-zero exit code.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for a bug (an exception that is not a <see cref="PipelineException"/>).</summary>
    public const int InternalError = 70;

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "streetcar: trains, compares and reproduces deep-learning experiments on the TTC streetcar delay data " +
            "(Deep Learning with Structured Data, ch. 6). Every stage is cached; see results/report.md.");
        root.Add(CommonOptions.Root);
        foreach (var command in Commands(console))
        {
            root.Add(command);
        }
        return root;
    }

    public static int Run(string[] args, CliConsole? console = null)
    {
        console ??= new CliConsole();
        try
        {
            return Build(console).Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (PipelineException e)
        {
            console.Error(e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            console.Error("cancelled");
            return 130;
        }
        catch (Exception e)
        {
            console.Error($"internal error (a bug, please report it): {e}");
            return InternalError;
        }
    }

    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        .. PipelineCommands.Create(console),
        CompareCommand.Create(console),
        CacheCommand.Create(console),
        ScoreCommand.Create(console),
    ];
}
