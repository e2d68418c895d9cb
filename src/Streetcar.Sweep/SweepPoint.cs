using Streetcar.Core.Config;

namespace Streetcar.Sweep;

/// <summary>One point of a sweep: a combination of values, its stable name, and once resolved its experiment.</summary>
/// <param name="Name">
/// <c>SWEEP/key=value,key=value</c> in the file's key order, e.g. <c>lr-width/learning_rate=0.003,hidden_layers=64x32</c>:
/// readable, and the same for the same file whatever the method drew before it.
/// </param>
/// <param name="Values">The value of each swept key, in the file's key order.</param>
public sealed record SweepPoint(string Name, IReadOnlyList<(string Key, SweepValue Value)> Values);

/// <summary>A point resolved against its base experiment: the config the engine trains, named as the point.</summary>
public sealed record ResolvedPoint(SweepPoint Point, ExperimentConfig Config);
