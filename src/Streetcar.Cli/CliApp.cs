using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
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
    public const int InternalError = ExitCodes.Internal;

    /// <summary>Exit code for a command line that does not parse (unknown verb or option, missing value).</summary>
    public const int UsageError = ExitCodes.Usage;

    public static RootCommand Build(CliConsole console, CancellationToken cancel = default)
    {
        var root = new RootCommand(
            "streetcar: trains, compares and reproduces deep-learning experiments on the TTC streetcar delay data " +
            "(Deep Learning with Structured Data, ch. 6). Every stage is cached; see results/report.md.");
        root.Add(CommonOptions.Root);
        root.Add(CommonOptions.Cache);
        foreach (var command in Commands(console, cancel))
        {
            root.Add(command);
        }
        // Every --help ends with the exit codes, the one table README.md also shows.
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
        return root;
    }

    /// <summary>The exit-code table as <c>--help</c> prints it.</summary>
    public static string ExitCodesText() =>
        "Exit codes:\n" + string.Join("\n", ExitCodes.Table.Select(row => $"  {row.Code,3}  {row.Meaning}"));

    public static int Run(string[] args, CliConsole? console = null)
    {
        console ??= new CliConsole();
        // Before any tensor exists: the same CPU kernel family in every process, so that a model scored in a
        // later process gives the same bits as one scored right after training.
        Train.TorchRuntime.PinCpuCapability();
        Train.TorchRuntime.PinAllocator();
        // One handler for SIGINT and SIGTERM for the whole run: the verbs stop at their next check (RunSignals).
        using var signals = RunSignals.Register(console.Error);
        try
        {
            var parsed = Build(console, signals.Token).Parse(args);
            // --help answers even when the rest of the line is incomplete (`cache remove --help` lacks its key).
            if (parsed.Errors.Count > 0 && parsed.Action is not HelpWithExitCodes)
            {
                // One line through our console (System.CommandLine would print to the process's stderr, plus the help).
                // One line: System.CommandLine puts a choice list on lines of its own.
                var messages = parsed.Errors.Select(e => System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*\n\s*", " ").Trim());
                console.Error($"{string.Join("; ", messages)} (see streetcar --help)");
                return UsageError;
            }
            var exit = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = console.Out });
            // A signal that came after the verb's last check still ends the run as cancelled: a script must not read 0.
            return signals.Received is null ? exit : signals.Report();
        }
        catch (Exception) when (signals.Received is not null)
        {
            // Whatever the signal's cancellation surfaced as, the one line says the run was stopped.
            return signals.Report();
        }
        catch (PipelineException e)
        {
            console.Error(e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            console.Error("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            console.Error($"internal error (a bug, please report it): {e}");
            return InternalError;
        }
    }

    private static IEnumerable<Command> Commands(CliConsole console, CancellationToken cancel) =>
    [
        .. PipelineCommands.Create(console, cancel),
        CompareCommand.Create(console),
        CacheCommand.Create(console),
        ScoreCommand.Create(console),
        StagesCommand.Create(console),
        ExecCommand.Create(console, cancel),
        SweepCommand.Create(console, cancel),
        PinCommand.Create(console, cancel),
    ];
}
