using Spectre.Console;

namespace Streetcar.Cli.Output;

/// <summary>
/// Where the CLI talks to people: plain lines on stdout/stderr, and progress bars only when stdout is an
/// interactive terminal (CI logs and pipes get one plain line per step instead).
/// </summary>
public sealed class CliConsole
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public CliConsole(TextWriter? output = null, TextWriter? error = null)
    {
        _out = output ?? StandardOutput.Open();
        _err = error ?? System.Console.Error;
        Interactive = output is null && !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
    }

    /// <summary>True when progress bars can be drawn.</summary>
    public bool Interactive { get; }

    /// <summary>Standard output (or the writer given), for text such as --help that is not a message line.</summary>
    public TextWriter Out => _out;

    // Jobs run side by side and all talk here: one line at a time.
    private readonly Lock _lock = new();

    public void Info(string message)
    {
        lock (_lock)
        {
            _out.WriteLine(message);
        }
    }

    public void Warn(string message)
    {
        lock (_lock)
        {
            _err.WriteLine($"warning: {message}");
        }
    }

    public void Error(string message)
    {
        lock (_lock)
        {
            _err.WriteLine($"error: {message}");
        }
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar (terminal) or start/end lines (otherwise).</summary>
    public T WithProgress<T>(string title, Func<IProgress<double>, T> work)
    {
        if (!Interactive)
        {
            Info($"{title} ...");
            return work(new Progress<double>(_ => { }));
        }
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1.0);
                result = work(new SynchronousProgress(v => task.Value = v));
                task.Value = 1.0;
            });
        return result;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
