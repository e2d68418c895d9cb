namespace Streetcar.Sweep;

/// <summary>One swept key (dotted, as in an experiment file: <c>gradient_boosting.num_leaves</c>) and its values, in file order.</summary>
public sealed record SearchDimension(string Key, IReadOnlyList<SweepValue> Values);
