namespace Streetcar.Pipeline.Stages;

/// <summary>One input of a stage: the name its key gives the input, and the upstream stage whose entry it reads.</summary>
/// <param name="Name">Input name in the key document (<c>prepared</c>, <c>model</c>).</param>
/// <param name="Stage">The upstream stage's <see cref="IStage.Name"/>; a name no stage of the graph has is a root, whose key the caller gives.</param>
public sealed record StageInput(string Name, string Stage);
