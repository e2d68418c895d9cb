namespace Streetcar.Sweep;

/// <summary>
/// A sweep file, read and checked (<see cref="SweepFileReader"/>): <c>experiments/NAME.sweep.yml</c>.
/// </summary>
/// <param name="Name">The file name without <c>.sweep.yml</c>; every point's name starts with it.</param>
/// <param name="File">The file, for error messages.</param>
/// <param name="Base">The experiment (a name in experiments/) each point overrides.</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Method">Grid or random.</param>
/// <param name="Samples">How many points a random sweep draws (null for a grid).</param>
/// <param name="Seed">Seed of a random sweep's draw.</param>
/// <param name="Repeats">Trainings per point (each with its own seeds, as an experiment's repeats), or null: the base's.</param>
/// <param name="Space">The swept keys, in file order.</param>
/// <param name="Selection">How points are ranked (on validation).</param>
/// <param name="Halving">Successive halving, or null: every point to the full budget.</param>
public sealed record SweepDefinition(
    string Name,
    string File,
    string Base,
    string Description,
    SweepMethod Method,
    int? Samples,
    int Seed,
    int? Repeats,
    IReadOnlyList<SearchDimension> Space,
    SelectionRule Selection,
    HalvingRule? Halving)
{
    /// <summary>How many combinations the space holds (the grid's size; a random sweep draws from these).</summary>
    public long Combinations => Space.Aggregate(1L, (n, d) => n * d.Values.Count);
}
