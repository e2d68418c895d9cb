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

    /// <summary>Exit code for a command line that does not parse (unknown verb or option, missing value).</summary>
    public const int UsageError = 64;

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
        // Before any tensor exists: the same CPU kernel family in every process, so that a model scored in a
        // later process gives the same bits as one scored right after training.
        Train.TorchRuntime.PinCpuCapability();
        try
        {
            var parsed = Build(console).Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // One line through our console (System.CommandLine would print to the process's stderr, plus the help).
                console.Error($"{string.Join("; ", parsed.Errors.Select(e => e.Message))} (see streetcar --help)");
                return UsageError;
            }
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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
        PinCommand.Create(console),
    ];
}
