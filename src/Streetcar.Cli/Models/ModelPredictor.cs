using Streetcar.Core.Data;

namespace Streetcar.Cli.Models;

/// <summary>A loaded model folder as a function of a split, and how it names its kept model ("best" or "final").</summary>
public sealed record ModelPredictor(Func<EncodedSplit, float[]> Predict, string ChosenLabel, IDisposable? Owned) : IDisposable
{
    public void Dispose() => Owned?.Dispose();
}
