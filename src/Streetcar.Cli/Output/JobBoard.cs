using System.Diagnostics;
using System.Globalization;
using Streetcar.Cli.Pipeline;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Output;

/// <summary>
/// Progress of a run's jobs for people: a line when a job starts or ends (with what else is running), a line when
/// a training starts (saying which code trains it) and one line per trained epoch with its wall time. Lines, not
/// bars, so that jobs running side by side stay readable in a terminal and in a CI log alike.
/// </summary>
public sealed class JobBoard(CliConsole console, int total)
{
    private readonly Lock _lock = new();
    private readonly List<Job> _running = [];
    private int _done;

    public void Started(Job job)
    {
        lock (_lock)
        {
            _running.Add(job);
            console.Info($"[{_done}/{total} done] start {job.Label}{Others(job)}");
        }
    }

    public void Finished(Job job)
    {
        lock (_lock)
        {
            _running.Remove(job);
            _done++;
            var seconds = job.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
            switch (job.Status)
            {
                case JobStatus.Succeeded:
                    console.Info($"[{_done}/{total} done] {job.Label}: done in {seconds} s");
                    break;
                // Progress, not the verdict: the verb ends with one error line naming what failed.
                case JobStatus.Failed when job.Error is OperationCanceledException:
                    console.Info($"[{_done}/{total} done] {job.Label}: cancelled after {seconds} s");
                    break;
                case JobStatus.Failed:
                    console.Info($"[{_done}/{total} done] {job.Label}: failed: {job.Error?.Message}");
                    break;
                case JobStatus.Skipped:
                    console.Info($"[{_done}/{total} done] {job.Label}: skipped, a job it needs failed");
                    break;
            }
        }
    }

    /// <summary>A training observer that prints each epoch of <paramref name="label"/>'s run.</summary>
    public ITrainingCallback Epochs(string label) => new EpochLines(this, label);

    private void TrainBegin(string label, TrainingPlan plan)
    {
        var path = plan.Path == TrainingPath.Managed ? "the managed training step" : "libtorch autograd";
        lock (_lock)
        {
            console.Info(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: training on {path}, {plan.TrainRows} rows in {plan.BatchesPerEpoch} batches per epoch, {plan.ValidRows} validation rows"));
        }
    }

    private void Epoch(string label, TrainingPlan? plan, EpochRecord record, double seconds)
    {
        lock (_lock)
        {
            console.Info(string.Create(CultureInfo.InvariantCulture,
                $"  {label} epoch {record.Epoch}/{plan?.Epochs}: loss {record.Loss:F4} accuracy {record.Accuracy:F4} val_loss {record.ValLoss:F4} val_accuracy {record.ValAccuracy:F4} ({seconds:F2} s)"));
        }
    }

    private string Others(Job job)
    {
        var others = _running.Where(r => r != job).Select(r => r.Label).ToArray();
        return others.Length == 0 ? "" : $" (also running: {string.Join("; ", others)})";
    }

    private sealed class EpochLines(JobBoard board, string label) : ITrainingCallback
    {
        private readonly Stopwatch _watch = new();
        private TrainingPlan? _plan;

        public void OnTrainBegin(TrainingPlan plan)
        {
            _plan = plan;
            board.TrainBegin(label, plan);
            _watch.Restart();
        }

        public EpochVerdict OnEpochEnd(EpochRecord record)
        {
            // Training and validation of the epoch; the callbacks before this one (weights written) included.
            board.Epoch(label, _plan, record, _watch.Elapsed.TotalSeconds);
            _watch.Restart();
            return EpochVerdict.Continue;
        }
    }
}
