namespace Streetcar.Prepare.Encode;

/// <summary>How the grid was split: the parameters, the sizes and the delays in each split.</summary>
public sealed record SplitSummary(
    ulong Seed,
    double TestProportion,
    double TrainProportion,
    int TrainRows,
    int ValidRows,
    int TestRows,
    int TrainDelays,
    int ValidDelays,
    int TestDelays);
