using System.Globalization;
using System.Runtime.InteropServices;
using Streetcar.Core.Errors;

namespace Streetcar.Cli;

/// <summary>
/// The CLI's one handler of SIGINT (Ctrl+C) and SIGTERM. The first signal cancels <see cref="Token"/>: the run stops
/// at its next check (between training batches, stages, workbooks, splits and report files), and as it unwinds the
/// stage cache deletes its <c>.tmp-*</c> work folders and releases its entry locks; the CLI then prints one line
/// and exits 130 (SIGINT) or 143 (SIGTERM). A second signal, or a run still going <see cref="Grace"/> after the
/// first (a step with no check, such as one LightGBM fit), stops the process at once; what it leaves (only work
/// folders of a dead process: entries and results/ are only ever swapped in whole) is swept by the next run.
/// </summary>
public sealed class RunSignals : IDisposable
{
    /// <summary>How long a run may take to reach a check after the first signal.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _cancel = new();
    private readonly Action<string> _error;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private Timer? _deadline;
    private int _received;
    private int _reported;

    private RunSignals(Action<string> error) => _error = error;

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Received => Volatile.Read(ref _received) is var code and not 0 ? (PosixSignal)code : null;

    /// <summary>The exit code of the signal received: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int ExitCode => Received == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;

    /// <summary>
    /// Prints the one error line of a run ended by the signal received and returns its exit code. Once only: the run
    /// unwinding and a second signal stopping it at once never both print.
    /// </summary>
    public int Report() => Report($"cancelled ({Name(Received)}): stopped cleanly; no cache entry or results/ change was left half-written");

    /// <summary>Starts handling both signals; <paramref name="error"/> prints an error line (used only when stopping at once).</summary>
    public static RunSignals Register(Action<string> error)
    {
        var signals = new RunSignals(error);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            signals._registrations.Add(PosixSignalRegistration.Create(signal, signals.Handle));
        }
        return signals;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _deadline?.Dispose();
        _cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // The run ends itself, through its own clean-up, instead of the runtime's default termination.
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0)
        {
            StopNow($"{Name(context.Signal)} again");
            return;
        }
        _deadline = new Timer(_ => StopNow($"still running {Grace.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s after it"), null, Grace, Timeout.InfiniteTimeSpan);
        _cancel.Cancel();
    }

    private int Report(string line)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            _error(line);
        }
        return ExitCode;
    }

    private void StopNow(string why)
    {
        Report($"cancelled ({Name(Received)}; {why}): stopped at once; the next run sweeps the work folders left");
        // Environment.Exit runs the process-exit hooks: this process's entry locks and work folders go.
        Environment.Exit(ExitCode);
    }

    private static string Name(PosixSignal? signal) => signal switch
    {
        PosixSignal.SIGINT => "SIGINT",
        PosixSignal.SIGTERM => "SIGTERM",
        null => "no signal",
        _ => signal.ToString()!,
    };
}
