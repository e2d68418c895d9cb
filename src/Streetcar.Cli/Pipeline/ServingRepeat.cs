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
