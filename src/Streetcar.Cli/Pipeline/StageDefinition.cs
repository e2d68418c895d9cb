namespace Streetcar.Cli.Pipeline;

/// <summary>
/// A step of the flow that runs outside the engine (fetch, the grid, the report), as `streetcar stages` lists it.
/// </summary>
/// <param name="Name">Its name (the grid's is also its cache folder).</param>
/// <param name="Version">Code version; part of the grid's key.</param>
/// <param name="Upstream">What it reads.</param>
/// <param name="ConfigKeys">Experiment config keys it reads (none of these read any).</param>
/// <param name="Summary">What it produces.</param>
public sealed record StageDefinition(string Name, int Version, IReadOnlyList<string> Upstream, IReadOnlyList<string> ConfigKeys, string Summary);
