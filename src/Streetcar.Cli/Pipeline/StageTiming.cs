using System.Diagnostics;
using Streetcar.Core.Json;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// How long a stage took, kept in its cache entry as timing.json. Durations vary from run to run, so they never
/// reach the report or a cache key: only results/run-info.json (gitignored) shows them.
/// </summary>
public sealed record StageTiming(double Seconds)
{
    public const string FileName = "timing.json";

    /// <summary>Runs <paramref name="work"/> and writes its wall time into <paramref name="folder"/>.</summary>
    public static void Measure(string folder, Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        StableJson.Write(Path.Combine(folder, FileName), new StageTiming(Math.Round(watch.Elapsed.TotalSeconds, 2)));
    }

    /// <summary>The timing in an entry folder, or null when there is none.</summary>
    public static StageTiming? Read(string folder) =>
        File.Exists(Path.Combine(folder, FileName)) ? StableJson.Read<StageTiming>(Path.Combine(folder, FileName)) : null;
}
