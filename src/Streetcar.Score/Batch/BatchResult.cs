namespace Streetcar.Score.Batch;

/// <summary>What a batch scoring run did.</summary>
/// <param name="Rows">Data rows scored (and written).</param>
/// <param name="PredictedDelays">Rows whose predicted class is a delay.</param>
/// <param name="Chunks">Forward passes run (one per chunk of rows).</param>
/// <param name="Notes">Distinct encoding notes (e.g. a year mapped to the latest known one) and how many rows each concerned.</param>
public sealed record BatchResult(int Rows, int PredictedDelays, int Chunks, IReadOnlyDictionary<string, int> Notes);
