namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Which repeat of an experiment serves: the report's plots and `score` use its model. The rule: the repeat whose
/// kept model has the median validation loss (unweighted, at the kept epoch); with an even count, the lower of the
/// two middle values; equal losses go to the lower repeat number. It is chosen on validation, never on test, so
/// that the choice cannot flatter the test figures; and the median, not the best, so that the plots show a
/// typical run rather than a lucky one.
/// </summary>
public static class ServingRepeat
{
    /// <summary>
    /// The serving run of <paramref name="experiment"/> and its cached model folder, judged on the cached models'
    /// histories; null when a repeat has no cached model.
    /// </summary>
    public static (ExperimentRun Run, Core.Cache.CacheEntry Model)? Of(PipelineContext ctx, Experiment experiment)
    {
        var models = new List<(ExperimentRun Run, Core.Cache.CacheEntry Model, double ValidLoss)>();
        foreach (var run in experiment.Runs)
        {
            if (!ctx.Cache.TryOpen(run.TrainKey, out var model))
            {
                return null;
            }
            models.Add((run, model, TrainedModel.Read(model).ValidLoss));
        }
        var serving = Choose(models.Select(m => (m.Run.Repeat, m.ValidLoss)).ToArray());
        var chosen = models.Single(m => m.Run.Repeat == serving);
        return (chosen.Run, chosen.Model);
    }

    public static int Choose(IReadOnlyList<(int Repeat, double ValidLoss)> repeats)
    {
        if (repeats.Count == 0)
        {
            throw new ArgumentException("no repeats to choose from", nameof(repeats));
        }
        var ordered = repeats.OrderBy(r => double.IsNaN(r.ValidLoss) ? double.PositiveInfinity : r.ValidLoss).ThenBy(r => r.Repeat).ToArray();
        return ordered[(ordered.Length - 1) / 2].Repeat;
    }
}
