namespace Streetcar.Sweep;

/// <summary>
/// YAML <c>halving</c>: successive halving (Jamieson and Talwalkar 2016; Li et al. 2017). Every point trains
/// <paramref name="MinEpochs"/> epochs; the best 1/<paramref name="Eta"/> continue to <c>eta</c> times as many, and
/// so on up to the points' epoch budget. A survivor resumes its cached trajectory, so no epoch is trained twice.
/// </summary>
public sealed record HalvingRule(int MinEpochs, int Eta);
