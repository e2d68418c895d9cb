namespace Streetcar.Cli.Scoring;

/// <summary>Start-up costs of one score run, shown to people (never in JSON: they differ run to run).</summary>
/// <param name="TorchStart">Starting libtorch: once per process, whatever the model.</param>
/// <param name="ModelLoad">Reading the model folder and building the model.</param>
public sealed record ScoreTimings(TimeSpan TorchStart, TimeSpan ModelLoad);
