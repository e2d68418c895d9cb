using System.Globalization;
using Spectre.Console;

namespace Streetcar.Train.Training;

/// <summary>
/// Shows progress for people: a Spectre.Console bar per epoch on a terminal (run on a helper thread, since
/// Spectre's progress display owns the loop that renders it), one line per epoch otherwise.
/// </summary>
public sealed class ProgressReporter(ProgressStyle style, TextWriter lines) : ITrainingCallback, IDisposable
{
    private const int BatchesPerRefresh = 20;
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _done = new();
    private Task? _display;
    private ProgressContext? _context;
    private ProgressTask? _epochTask;
    private TrainingPlan? _plan;

    private bool Bars => style == ProgressStyle.Auto
        && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    /// <inheritdoc/>
    public void OnTrainBegin(TrainingPlan plan)
    {
        _plan = plan;
        if (!Bars)
        {
            return;
        }
        _display = Task.Run(() => AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .Start(context =>
            {
                _context = context;
                _ready.Set();
                _done.Wait();
            }));
        _ready.Wait();
    }

    /// <inheritdoc/>
    public void OnBatchEnd(int epoch, int batch)
    {
        if (_context is null || _plan is null)
        {
            return;
        }
        if (batch == 1)
        {
            _epochTask = _context.AddTask($"{_plan.Experiment} epoch {epoch}/{_plan.Epochs}", maxValue: _plan.BatchesPerEpoch);
        }
        if (batch % BatchesPerRefresh == 0 || batch == _plan.BatchesPerEpoch)
        {
            _epochTask?.Value = batch;
        }
    }

    /// <inheritdoc/>
    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        if (style == ProgressStyle.None)
        {
            return EpochVerdict.Continue;
        }
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{_plan?.Experiment} epoch {record.Epoch}/{_plan?.Epochs}: loss {record.Loss:F4} accuracy {record.Accuracy:F4} val_loss {record.ValLoss:F4} val_accuracy {record.ValAccuracy:F4}");
        if (_epochTask is not null)
        {
            _epochTask.Description = string.Create(CultureInfo.InvariantCulture,
                $"{_plan?.Experiment} {record.Epoch}/{_plan?.Epochs} loss {record.Loss:F3} acc {record.Accuracy:F3} val {record.ValLoss:F3} {record.ValAccuracy:F3}");
            _epochTask.StopTask();
        }
        else
        {
            lines.WriteLine(text);
        }
        return EpochVerdict.Continue;
    }

    /// <inheritdoc/>
    public void OnTrainEnd() => Dispose();

    /// <inheritdoc/>
    public void Dispose()
    {
        _done.Set();
        _display?.Wait();
        _display = null;
    }
}
